package convert

// dateline is parseDateline's place and date, ISO.
func dateline(in string) (string, string) {
	place, date, _ := parseDateline(in)
	return place, date.ISO()
}
