package output

import "testing"

func TestDisplayWidth(t *testing.T) {
	for s, want := range map[string]int{
		"":           0,
		"Alice":      5,
		"陈伟":         4,
		"上海市":        6,
		"café":       4,
		"cafe\u0301": 4, // combining accent takes no cell
		"😀 ok":       5,
		"ｆｕｌｌ":       8,
		// One grapheme cluster each: the hand-made rune table counted 8, 4 and 4.
		"\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466": 2, // ZWJ family
		"\U0001F44D\U0001F3FD": 2, // thumbs up, medium skin tone
		"\U0001F1E9\U0001F1EA": 2, // flag DE
		"\u2764\uFE0F":         2, // heart with emoji presentation (VS16)
	} {
		if got := displayWidth(s); got != want {
			t.Errorf("displayWidth(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		s    string
		w    int
		want string
	}{
		{"Alice Schmidt", 20, "Alice Schmidt"},
		{"Alice Schmidt", 13, "Alice Schmidt"},
		{"Alice Schmidt", 8, "Alice S…"},
		{"Alice", 1, "…"},
		{"Alice", 0, ""},
		{"陈伟上海", 5, "陈伟…"},
		{"陈伟上海", 6, "陈伟…"},
		{"陈伟上海", 7, "陈伟上…"},
		// Cuts fall between grapheme clusters, never inside one.
		{"ab\U0001F468\u200D\U0001F469\u200D\U0001F467cd", 4, "ab…"},
		{"ab\U0001F468\u200D\U0001F469\u200D\U0001F467cd", 5, "ab\U0001F468\u200D\U0001F469\u200D\U0001F467…"},
		{"x\U0001F44D\U0001F3FDy", 3, "x…"},
		{"cafe\u0301s", 5, "cafe\u0301s"},
		{"cafe\u0301s!", 5, "cafe\u0301…"},
	}
	for _, tt := range tests {
		got := truncate(tt.s, tt.w)
		if got != tt.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tt.s, tt.w, got, tt.want)
		}
		if displayWidth(got) > max(tt.w, 0) {
			t.Errorf("truncate(%q, %d) is %d cells wide", tt.s, tt.w, displayWidth(got))
		}
	}
}
