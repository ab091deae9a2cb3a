package batch

import (
	"fmt"
	"hash/fnv"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"newsclip/convert"
)

// Shard is a --shard K/N setting: K in [0, N). The zero value means no
// sharding.
type Shard struct{ K, N uint64 }

// ParseShard reads "K/N"; "" is no sharding.
func ParseShard(s string) (Shard, error) {
	if s == "" {
		return Shard{0, 1}, nil
	}
	ks, ns, ok := strings.Cut(s, "/")
	k, err1 := strconv.ParseUint(ks, 10, 64)
	n, err2 := strconv.ParseUint(ns, 10, 64)
	if !ok || err1 != nil || err2 != nil || n == 0 || k >= n {
		return Shard{}, fmt.Errorf("--shard %q: want K/N with 0 <= K < N", s)
	}
	return Shard{k, n}, nil
}

// Has reports whether the input at rel belongs to this shard: the FNV-1a
// hash of its relative path, modulo N, is K.
func (s Shard) Has(rel string) bool {
	if s.N <= 1 {
		return true
	}
	h := fnv.New64a()
	h.Write([]byte(rel))
	return h.Sum64()%s.N == s.K
}

// Plan sets each job's output: the input's path relative to its root with
// ext in place of the input's extension (or, with split, without any: a
// folder), under outRoot. The rule for clashes, the same for every -j and
// every order of completion:
//
//  1. inputs whose outputs would clash keep their own extension:
//     story.txt and story.pdf become story.txt.md and story.pdf.md;
//  2. inputs that still clash (the same relative path under two input
//     folders) are numbered in input order from the second on:
//     story.txt.md, story.txt.2.md, story.txt.3.md.
//
// Names are compared as given (a case-insensitive file system may still
// fold Story.md and story.md into one file).
func Plan(jobs []Job, outRoot, ext string, split bool) {
	if split {
		ext = ""
	}
	base := func(j Job) string { return strings.TrimSuffix(j.Rel, path.Ext(j.Rel)) }
	count := map[string]int{}
	for _, j := range jobs {
		count[base(j)]++
	}
	names := make([]string, len(jobs))
	for i, j := range jobs {
		names[i] = base(j)
		if count[names[i]] > 1 {
			names[i] = j.Rel
		}
	}
	// A kept extension can meet another input's name ("story.txt" from
	// story.txt beside story.pdf, and from story.txt.pdf): rule 2 again.
	taken := map[string]bool{}
	for _, n := range names {
		taken[n] = true
	}
	first := map[string]bool{}
	for i := range jobs {
		rel := names[i]
		if first[rel] {
			n := 2
			for taken[rel+"."+strconv.Itoa(n)] {
				n++
			}
			rel += "." + strconv.Itoa(n)
			taken[rel] = true
		}
		first[rel] = true
		jobs[i].Out = filepath.Join(outRoot, filepath.FromSlash(rel+ext))
	}
}

// ArticleFileName makes a file name, without extension, from an article's
// date and headline that is safe on every file system: lower-case ASCII
// letters, digits and hyphens, at most 80 bytes, never empty, never a
// reserved Windows name, unique among used (which it updates).
func ArticleFileName(a *convert.Article, used map[string]bool) string {
	var b strings.Builder
	if iso := a.Date.ISO(); iso != "" {
		b.WriteString(iso + "-")
	}
	dash := false
	for _, r := range asciiFolder.Replace(strings.ToLower(a.Headline)) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case r >= 'A' && r <= 'Z':
			b.WriteRune(unicode.ToLower(r))
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 80 {
			break
		}
	}
	name := strings.Trim(b.String(), "-")
	if len(name) > 80 {
		name = strings.TrimRight(name[:80], "-")
	}
	if name == "" {
		name = fmt.Sprintf("article-%d", a.Index+1)
	}
	switch strings.ToLower(name) {
	case "con", "prn", "aux", "nul", "com1", "lpt1":
		name = "article-" + name
	}
	base := name
	for n := 2; used[name]; n++ {
		name = fmt.Sprintf("%s-%d", base, n)
	}
	used[name] = true
	return name
}

// asciiFolder replaces common accented Latin letters by their base letter.
var asciiFolder = strings.NewReplacer("à", "a", "á", "a", "â", "a", "ä", "a", "ã", "a", "å", "a",
	"ç", "c", "è", "e", "é", "e", "ê", "e", "ë", "e", "ì", "i", "í", "i", "î", "i", "ï", "i",
	"ñ", "n", "ò", "o", "ó", "o", "ô", "o", "ö", "o", "õ", "o", "ø", "o", "ù", "u", "ú", "u",
	"û", "u", "ü", "u", "ý", "y", "ß", "ss", "æ", "ae", "œ", "oe")
