package confidential

import "testing"

func TestCase(t *testing.T) {
	for _, c := range []struct {
		typ          string
		marked, wb   bool
		confidential bool
	}{
		{"检举控告", false, false, true}, // a report is always protected
		{"申诉求决", false, false, false},
		{"申诉求决", true, false, true}, // marked 保密
		{"建议意见", false, true, true}, // links a whistle-blower
		{"咨询", false, false, false},
	} {
		if got := Case(c.typ, c.marked, c.wb); got != c.confidential {
			t.Errorf("Case(%q, %v, %v) = %v", c.typ, c.marked, c.wb, got)
		}
	}
}
