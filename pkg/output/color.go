package output

// ANSI SGR sequences; kept to the few styles woot uses so nothing is
// computed at start-up.
const (
	sgrBold   = "\x1b[1m"
	sgrRed    = "\x1b[31m"
	sgrGreen  = "\x1b[32m"
	sgrYellow = "\x1b[33m"
	sgrGray   = "\x1b[90m"
	sgrReset  = "\x1b[0m"
)

// Bold, Red, Green, Yellow and Gray style text when colour is enabled and
// return it unchanged otherwise, so callers never test ColorEnabled.
func (s *IOStreams) Bold(text string) string   { return s.paint(sgrBold, text) }
func (s *IOStreams) Red(text string) string    { return s.paint(sgrRed, text) }
func (s *IOStreams) Green(text string) string  { return s.paint(sgrGreen, text) }
func (s *IOStreams) Yellow(text string) string { return s.paint(sgrYellow, text) }
func (s *IOStreams) Gray(text string) string   { return s.paint(sgrGray, text) }

func (s *IOStreams) paint(sgr, text string) string {
	if !s.colorEnabled || text == "" {
		return text
	}
	return sgr + text + sgrReset
}
