package convert

// A bylineRoom is room for an article's first author and first credit,
// allocated with the article (clippingRoom): most bylines name one of
// each, which then cost no allocation of their own. It is given to the
// byline rules only while the article's list is empty, so that nothing
// else points into it.
type bylineRoom struct {
	authors [1]Person
	credits [1]Credit
}

// authorsRoom and creditsRoom give r's room for an article's first
// authors and credits when it has none yet (has is false), else nil.
func (r *bylineRoom) authorsRoom(has bool) []Person {
	if r == nil || has {
		return nil
	}
	return r.authors[:0]
}

func (r *bylineRoom) creditsRoom(has bool) []Credit {
	if r == nil || has {
		return nil
	}
	return r.credits[:0]
}
