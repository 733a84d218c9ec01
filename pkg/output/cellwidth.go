package output

import "github.com/clipperhouse/displaywidth"

// displayWidth is the number of terminal cells s occupies, measured grapheme
// cluster by grapheme cluster: a ZWJ family or a flag is one wide cluster,
// not the sum of its code points. Ambiguous-width characters count as one
// cell, as modern terminals draw them.
//
// tablewriter's own width package (twwidth) sums code points instead, so
// the table renderer pads with this function, never with twwidth.
func displayWidth(s string) int { return displaywidth.String(s) }

// truncate shortens s to at most w cells, cutting between grapheme clusters
// and marking the cut with "…".
func truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	return displaywidth.TruncateString(s, w, "…")
}
