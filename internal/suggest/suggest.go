// Package suggest finds what a user probably meant when a typed name
// (a flag, a command, a format) is unknown: "did you mean --to?".
package suggest

// Closest returns the name in names nearest to typed by edit distance,
// when it is near enough to be a typo (at most 2 edits, and fewer than half
// the letters), or "".
func Closest(names []string, typed string) string {
	best, bestD := "", 3
	for _, n := range names {
		if d := distance(n, typed); d < bestD && 2*d < len(typed) {
			best, bestD = n, d
		}
	}
	return best
}

// distance is the Levenshtein distance of a and b, in bytes.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
