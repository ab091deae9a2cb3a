package convert

import "newsclip/internal/pdftext"

func readStoryPages(t *pdftext.Text) []*Article { return nil }
