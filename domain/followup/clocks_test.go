package followup

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/domain/deadline"
)

var (
	national = deadline.National()
	cal2026  = deadline.NewCalendar(deadline.Seed2026()...)
	weekends = deadline.NewCalendar()
)

// everything is a case with every fact recorded, so that the state alone
// decides which clocks run.
var everything = Facts{Type: "申诉求决", Incoming: true, SenderDue: civil.D(2026, 4, 30),
	Received: civil.D(2026, 3, 2), Accepted: civil.D(2026, 3, 10), AssignedDue: civil.D(2026, 3, 20),
	Served: civil.D(2026, 5, 4), ReviewAsked: civil.D(2026, 5, 6), ReviewServed: civil.D(2026, 6, 1),
	RecheckAsked: civil.D(2026, 6, 8), HearingDays: 2, Closed: civil.D(2026, 7, 1)}

func names(cs []Clock) string {
	var out []string
	for _, c := range cs {
		out = append(out, string(c.Clock))
	}
	return strings.Join(out, ",")
}

// Every state, which clocks run in it: docs/DOMAIN.md §4.2 written out
// again, for an ordinary matter sent down and for a real-name 检举控告.
func TestClocksInEveryState(t *testing.T) {
	ordinary := map[casestate.State]string{
		casestate.Registered:  "受理告知,异议,要求办结",
		casestate.Objected:    "受理告知",
		casestate.Transferred: "受理告知,要求办结",
		casestate.Assigned:    "受理告知,要求办结,交办",
		casestate.Accepted:    "受理告知,办理,要求办结",
		casestate.InProgress:  "受理告知,办理,要求办结",
		casestate.Extended:    "受理告知,办理,要求办结",
		casestate.Mediated:    "要求办结",
		casestate.Replied:     "复查申请",
		casestate.InReview:    "复查决定",
		casestate.Reviewed:    "复核申请",
		casestate.InRecheck:   "复核决定",
		// A disposal's notice (告知书, 不予受理告知书 …) is due within the
		// same 15 days: the clock runs until it is served.
		casestate.Redirected:    "受理告知",
		casestate.RoutedLegal:   "受理告知",
		casestate.NotAccepted:   "受理告知",
		casestate.NotReaccepted: "受理告知",
	}
	report := map[casestate.State]string{
		casestate.Registered:    "纪检受理告知,异议,要求办结",
		casestate.Objected:      "纪检受理告知",
		casestate.Transferred:   "纪检受理告知,要求办结",
		casestate.Assigned:      "纪检受理告知,要求办结,交办",
		casestate.Accepted:      "纪检受理告知,要求办结", // no 60-day clock
		casestate.InProgress:    "纪检受理告知,要求办结",
		casestate.Extended:      "纪检受理告知,要求办结",
		casestate.Mediated:      "要求办结",
		casestate.Replied:       "复查申请",
		casestate.InReview:      "复查决定",
		casestate.Reviewed:      "复核申请",
		casestate.InRecheck:     "复核决定",
		casestate.Closed:        "纪检反馈",
		casestate.Redirected:    "纪检受理告知",
		casestate.RoutedLegal:   "纪检受理告知",
		casestate.NotAccepted:   "纪检受理告知",
		casestate.NotReaccepted: "纪检受理告知",
	}
	for _, s := range casestate.States {
		f := everything
		f.State = s
		if got := names(Clocks(f)); got != ordinary[s] {
			t.Errorf("%s: %q, want %q", s, got, ordinary[s])
		}
		f.Type, f.RealName = "检举控告", true
		if got := names(Clocks(f)); got != report[s] {
			t.Errorf("检举控告 %s: %q, want %q", s, got, report[s])
		}
		// The notice served stops A and K1; an anonymous report has none.
		f.NoticeServed = civil.D(2026, 3, 5)
		if got := names(Clocks(f)); strings.Contains(got, "受理告知") {
			t.Errorf("notice served, %s still runs %q", s, got)
		}
		f.NoticeServed, f.RealName = 0, false
		if got := names(Clocks(f)); strings.Contains(got, "受理告知") || strings.Contains(got, "纪检反馈") {
			t.Errorf("anonymous report %s runs %q", s, got)
		}
	}
	// No clock runs when the fact that starts it is not recorded yet.
	for _, s := range []casestate.State{casestate.Replied, casestate.InReview, casestate.Reviewed, casestate.InRecheck, casestate.Assigned} {
		f := Facts{State: s, Type: "申诉求决", NoticeServed: civil.D(2026, 3, 3)}
		if got := Clocks(f); len(got) != 0 {
			t.Errorf("%s with no dates: %v", s, got)
		}
	}
	for _, c := range Labels {
		if !strings.HasSuffix(c, "期限") && !strings.HasSuffix(c, "日期") {
			t.Errorf("label %q", c)
		}
	}
}

type want struct {
	clock         deadline.Clock
	target, legal civil.Date
}

func (w want) String() string { return fmt.Sprintf("%s %s/%s", w.clock, w.target, w.legal) }

// The dates of each clock, from the worked examples of docs/DOMAIN.md §4.6
// and the cases around them: 调休 weekends, year ends, a leap day, an
// extension, a 复核 hearing.
func TestClockDates(t *testing.T) {
	d := civil.D
	served := d(2026, 1, 5)
	cases := []struct {
		name string
		f    Facts
		cal  *deadline.Calendar
		want []want
	}{
		{"registered Mon 3-02: A, 15 days", Facts{State: casestate.Registered, Received: d(2026, 3, 2)}, cal2026,
			[]want{{deadline.Notice, d(2026, 3, 17), d(2026, 3, 17)}}},
		{"registered 2-08: A ends in 春节", Facts{State: casestate.Registered, Received: d(2026, 2, 8)}, cal2026,
			[]want{{deadline.Notice, d(2026, 2, 23), d(2026, 2, 24)}}},
		{"registered 9-05: A ends on a 调休 working Sunday", Facts{State: casestate.Registered, Received: d(2026, 9, 5)}, cal2026,
			[]want{{deadline.Notice, d(2026, 9, 20), d(2026, 9, 20)}}},
		{"year end: A from 2025-12-17 rolls past 元旦", Facts{State: casestate.Registered, Received: d(2025, 12, 17)}, cal2026,
			[]want{{deadline.Notice, d(2026, 1, 1), d(2026, 1, 4)}}},
		{"sent down Fri 2-13: O counts Sat 2-14, skips 春节", Facts{State: casestate.Registered, Incoming: true,
			Received: d(2026, 2, 13), NoticeServed: d(2026, 2, 13)}, cal2026,
			[]want{{deadline.Objection, d(2026, 2, 27), d(2026, 2, 27)}}},
		{"sent down Thu 4-30: O skips 劳动节, counts Sat 5-09", Facts{State: casestate.Registered, Incoming: true,
			Received: d(2026, 4, 30), NoticeServed: d(2026, 4, 30), SenderDue: d(2026, 6, 30)}, cal2026,
			[]want{{deadline.Objection, d(2026, 5, 11), d(2026, 5, 11)}, {SenderDate, d(2026, 6, 30), d(2026, 6, 30)}}},
		{"accepted 3-02, notice not served: A and B (60 days end on 劳动节)", Facts{State: casestate.Accepted,
			Received: d(2026, 3, 2), Accepted: d(2026, 3, 2)}, cal2026,
			[]want{{deadline.Notice, d(2026, 3, 17), d(2026, 3, 17)}, {deadline.Handling, d(2026, 5, 1), d(2026, 5, 6)}}},
		{"in progress, accepted 3-10: B keeps running, ends on a 调休 Saturday", Facts{State: casestate.InProgress,
			Received: d(2026, 3, 2), Accepted: d(2026, 3, 10), NoticeServed: d(2026, 3, 10)}, cal2026,
			[]want{{deadline.Handling, d(2026, 5, 9), d(2026, 5, 9)}}},
		{"the same without the holidays rolls to Monday", Facts{State: casestate.InProgress,
			Received: d(2026, 3, 2), Accepted: d(2026, 3, 10), NoticeServed: d(2026, 3, 10)}, weekends,
			[]want{{deadline.Handling, d(2026, 5, 9), d(2026, 5, 11)}}},
		{"extended by 30 days: 90 from acceptance", Facts{State: casestate.Extended, Received: d(2026, 3, 2),
			Accepted: d(2026, 3, 10), NoticeServed: d(2026, 3, 10), ExtDays: 30}, cal2026,
			[]want{{deadline.Handling, d(2026, 6, 8), d(2026, 6, 8)}}},
		{"simplified, accepted 3-02: S, 10 working days", Facts{State: casestate.InProgress, Simplified: true,
			Received: d(2026, 3, 2), Accepted: d(2026, 3, 2), NoticeServed: d(2026, 3, 2)}, cal2026,
			[]want{{deadline.Simplified, d(2026, 3, 16), d(2026, 3, 16)}}},
		{"simplified, accepted Fri 2-13: both 调休 Saturdays count", Facts{State: casestate.Accepted, Simplified: true,
			Received: d(2026, 2, 13), Accepted: d(2026, 2, 13), NoticeServed: d(2026, 2, 13)}, cal2026,
			[]want{{deadline.Simplified, d(2026, 3, 5), d(2026, 3, 5)}}},
		{"simplified then extended: the ordinary clock", Facts{State: casestate.Extended, Simplified: true,
			Received: d(2026, 3, 2), Accepted: d(2026, 3, 10), NoticeServed: d(2026, 3, 10), ExtDays: 30}, cal2026,
			[]want{{deadline.Handling, d(2026, 6, 8), d(2026, 6, 8)}}},
		{"real-name report 3-02: K1, 15 working days", Facts{State: casestate.Accepted, Type: "检举控告", RealName: true,
			Received: d(2026, 3, 2), Accepted: d(2026, 3, 2)}, cal2026,
			[]want{{deadline.DisciplineNotice, d(2026, 3, 23), d(2026, 3, 23)}}},
		{"real-name report 5-06: K1 counts Sat 5-09", Facts{State: casestate.Registered, Type: "检举控告", RealName: true,
			Received: d(2026, 5, 6)}, cal2026,
			[]want{{deadline.DisciplineNotice, d(2026, 5, 26), d(2026, 5, 26)}}},
		{"real-name report across the year end, 2027 not in the calendar", Facts{State: casestate.Registered,
			Type: "检举控告", RealName: true, Received: d(2026, 12, 21)}, cal2026,
			[]want{{deadline.DisciplineNotice, d(2027, 1, 11), d(2027, 1, 11)}}},
		{"real-name report closed 3-02: K2", Facts{State: casestate.Closed, Type: "检举控告", RealName: true,
			Received: d(2026, 1, 5), Closed: d(2026, 3, 2)}, cal2026,
			[]want{{deadline.DisciplineReply, d(2026, 3, 23), d(2026, 3, 23)}}},
		{"real-name report closed 3-02, the reporter told 3-10: no clock", Facts{State: casestate.Closed,
			Type: "检举控告", RealName: true, Received: d(2026, 1, 5), Closed: d(2026, 3, 2), ResultTold: d(2026, 3, 10)},
			cal2026, nil},
		{"assigned: the slip's date", Facts{State: casestate.Assigned, Received: d(2026, 3, 2),
			NoticeServed: d(2026, 3, 2), AssignedDue: d(2026, 3, 20)}, cal2026,
			[]want{{AssignedDate, d(2026, 3, 20), d(2026, 3, 20)}}},
		{"replied, served 3-02: R1", Facts{State: casestate.Replied, Received: served, Served: d(2026, 3, 2)}, cal2026,
			[]want{{deadline.ReviewRequest, d(2026, 4, 1), d(2026, 4, 1)}}},
		{"in review, asked 3-02: R2", Facts{State: casestate.InReview, Received: served, ReviewAsked: d(2026, 3, 2)}, cal2026,
			[]want{{deadline.ReviewDecision, d(2026, 4, 1), d(2026, 4, 1)}}},
		{"reviewed, served 3-05: R3 ends on 清明", Facts{State: casestate.Reviewed, Received: served, ReviewServed: d(2026, 3, 5)}, cal2026,
			[]want{{deadline.RecheckRequest, d(2026, 4, 4), d(2026, 4, 7)}}},
		{"in recheck, asked 3-02, a 2-day hearing: R4", Facts{State: casestate.InRecheck, Received: served,
			RecheckAsked: d(2026, 3, 2), HearingDays: 2}, cal2026,
			[]want{{deadline.RecheckDecision, d(2026, 4, 3), d(2026, 4, 3)}}},
		{"leap day: B from 2027-12-31", Facts{State: casestate.InProgress, Received: d(2027, 12, 30),
			Accepted: d(2027, 12, 31), NoticeServed: d(2027, 12, 31)}, weekends,
			[]want{{deadline.Handling, d(2028, 2, 29), d(2028, 2, 29)}}},
		{"leap day: R1 from 2028-01-30", Facts{State: casestate.Replied, Received: d(2027, 11, 1), Served: d(2028, 1, 30)}, weekends,
			[]want{{deadline.ReviewRequest, d(2028, 2, 29), d(2028, 2, 29)}}},
		{"leap day: R3 from 2028-01-31 lands on 3-01", Facts{State: casestate.Reviewed, Received: d(2027, 11, 1),
			ReviewServed: d(2028, 1, 31)}, weekends,
			[]want{{deadline.RecheckRequest, d(2028, 3, 1), d(2028, 3, 1)}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dues, err := Dues(Clocks(c.f), national, c.cal)
			if err != nil {
				t.Fatal(err)
			}
			var got []want
			for _, d := range dues {
				got = append(got, want{d.Clock, d.Target, d.Legal})
			}
			if !slices.Equal(got, c.want) {
				t.Fatalf("got %v, want %v", got, c.want)
			}
		})
	}
}

// An office's profile: an extension granted stands when the ceiling is
// lowered later; a profile without the 纪检 or simplified clocks counts on
// A and B. A hearing is read by no clock but 复核决定.
func TestDuesByTheProfile(t *testing.T) {
	f := Facts{State: casestate.Extended, Received: civil.D(2026, 3, 2), Accepted: civil.D(2026, 3, 10),
		NoticeServed: civil.D(2026, 3, 2), ExtDays: 30}
	lowered := deadline.National()
	lowered.MaxExtension = 15
	dues, err := Dues(Clocks(f), lowered, cal2026)
	if err != nil || len(dues) != 1 || dues[0].Legal != civil.D(2026, 6, 8) {
		t.Fatalf("a 30-day extension under a ceiling lowered to 15: %v %v", dues, err)
	}
	if lowered.MaxExtension != 15 {
		t.Fatal("Dues changed the caller's profile")
	}
	plain := deadline.National()
	plain.Limits = map[deadline.Clock]deadline.Limit{}
	for _, c := range deadline.Required {
		plain.Limits[c] = deadline.National().Limits[c]
	}
	report := Facts{State: casestate.Accepted, Type: "检举控告", RealName: true, Received: civil.D(2026, 3, 2),
		Accepted: civil.D(2026, 3, 2)}
	if dues, err := Dues(Clocks(report), plain, cal2026); err != nil || len(dues) != 1 ||
		dues[0].Clock != deadline.Notice || dues[0].Legal != civil.D(2026, 3, 17) {
		t.Fatalf("K1 without the 纪检 rules: %v %v", dues, err)
	}
	report.State, report.Closed = casestate.Closed, civil.D(2026, 3, 2)
	if dues, err := Dues(Clocks(report), plain, cal2026); err != nil || len(dues) != 0 {
		t.Fatalf("K2 without the 纪检 rules: %v %v", dues, err)
	}
	simple := Facts{State: casestate.InProgress, Simplified: true, Received: civil.D(2026, 3, 2),
		Accepted: civil.D(2026, 3, 2), NoticeServed: civil.D(2026, 3, 2)}
	if dues, err := Dues(Clocks(simple), plain, cal2026); err != nil || len(dues) != 1 ||
		dues[0].Clock != deadline.Handling || dues[0].Legal != civil.D(2026, 5, 6) {
		t.Fatalf("S without the simplified procedure: %v %v", dues, err)
	}
	// The hearing days of a case are read only by the recheck decision.
	f = Facts{State: casestate.Reviewed, ReviewServed: civil.D(2026, 3, 5), HearingDays: 3}
	dues, err = Dues(Clocks(f), national, cal2026)
	if err != nil || len(dues) != 1 || dues[0].Days != 30 {
		t.Fatalf("R3 with hearing days on file: %v %v", dues, err)
	}
}
