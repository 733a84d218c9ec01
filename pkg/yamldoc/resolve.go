package yamldoc

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// resolve is the tag and Go value of a plain scalar, as yaml.v3 resolves
// it: YAML 1.2's core schema (true/True/TRUE, null/Null/NULL/~, .inf,
// .nan), plus integers with 0x, 0o, 0b or a leading 0 (octal), digits
// separated by underscores, integers past int64 as uint64 or float64, and
// timestamps. Everything else is a string: yes, on, y stay strings.
func resolve(s string) (tag string, value any) {
	return resolveAs(s, true)
}

// resolveAs resolves s; timestamps says whether a date may be one (only
// untagged scalars and !!timestamp ones).
func resolveAs(s string, timestamps bool) (string, any) {
	if tag, v, ok := keyword(s); ok {
		return tag, v
	}
	switch c := s[0]; {
	case c == '.':
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return "!!float", f
		}
	case c == '+' || c == '-' || c >= '0' && c <= '9':
		if tag, v, ok := number(s, timestamps); ok {
			return tag, v
		}
	}
	return "!!str", s
}

// keyword resolves the spellings of null, booleans, infinity and NaN.
func keyword(s string) (string, any, bool) {
	switch s {
	case "", "~", "null", "Null", "NULL":
		return "!!null", nil, true
	case "true", "True", "TRUE":
		return "!!bool", true, true
	case "false", "False", "FALSE":
		return "!!bool", false, true
	case ".nan", ".NaN", ".NAN":
		return "!!float", math.NaN(), true
	case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
		return "!!float", math.Inf(1), true
	case "-.inf", "-.Inf", "-.INF":
		return "!!float", math.Inf(-1), true
	}
	return "", nil, false
}

// number resolves a scalar that starts with a sign or a digit.
func number(s string, timestamps bool) (string, any, bool) {
	if timestamps {
		if t, ok := timestamp(s); ok {
			return "!!timestamp", t, true
		}
	}
	digits := strings.ReplaceAll(s, "_", "")
	if v, ok := integer(digits, 0); ok {
		return "!!int", v, true
	}
	if decimalFloat(digits) {
		if f, err := strconv.ParseFloat(digits, 64); err == nil {
			return "!!float", f, true
		}
	}
	// yaml.v3 also reads the digits after 0b and 0o on their own, sign
	// included: 0b-1 is -1.
	for _, prefix := range [...]struct {
		text string
		base int
	}{{"0b", 2}, {"0o", 8}} {
		if rest, ok := strings.CutPrefix(digits, prefix.text); ok {
			if v, ok := integer(rest, prefix.base); ok {
				return "!!int", v, true
			}
		} else if rest, ok := strings.CutPrefix(digits, "-"+prefix.text); ok {
			if v, err := strconv.ParseInt("-"+rest, prefix.base, 64); err == nil {
				return "!!int", int(v), true
			}
		}
	}
	return "", nil, false
}

// integer parses s as an int (int64 where int is narrower), or a uint64
// beyond that.
func integer(s string, base int) (any, bool) {
	if v, err := strconv.ParseInt(s, base, 64); err == nil {
		if v == int64(int(v)) {
			return int(v), true
		}
		return v, true
	}
	if v, err := strconv.ParseUint(s, base, 64); err == nil {
		return v, true
	}
	return nil, false
}

// decimalFloat is the float syntax yaml.v3 accepts after its integer
// attempts: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
func decimalFloat(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	intDigits := leadingDigits(s)
	s = s[intDigits:]
	if rest, ok := strings.CutPrefix(s, "."); ok {
		frac := leadingDigits(rest)
		if intDigits == 0 && frac == 0 {
			return false
		}
		s = rest[frac:]
	} else if intDigits == 0 {
		return false
	}
	if s == "" {
		return true
	}
	if s[0] != 'e' && s[0] != 'E' {
		return false
	}
	s = s[1:]
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	exp := leadingDigits(s)
	return exp > 0 && exp == len(s)
}

func leadingDigits(s string) int {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

// timestamp reads the dates and times yaml.v3 accepts: a year of four
// digits, then one of its layouts.
func timestamp(s string) (time.Time, bool) {
	if len(s) < 5 || leadingDigits(s) != 4 || s[4] != '-' {
		return time.Time{}, false
	}
	for _, layout := range [...]string{
		"2006-1-2T15:4:5.999999999Z07:00",
		"2006-1-2t15:4:5.999999999Z07:00",
		"2006-1-2 15:4:5.999999999",
		"2006-1-2",
	} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
