package app

import (
	"strings"
	"testing"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/domain/deadline"
	"laifang/domain/followup"
	"laifang/store"
	"laifang/store/gen"
)

// windowLast is the last day of a clock the case view shows.
func windowLast(t *testing.T, o *stepOffice, id uint64, clock deadline.Clock) civil.Date {
	t.Helper()
	for _, k := range must(o.as(t, "clerk1").Get(id))(t).Clocks {
		if k.Clock == string(clock) {
			d, err := civil.Parse(k.Legal)
			if err != nil {
				t.Fatal(err)
			}
			return d
		}
	}
	t.Fatalf("case %d shows no %s clock", id, clock)
	return 0
}

func TestALapsedWindowIsClosedByTheAppTheDayAfter(t *testing.T) {
	o := newStepOffice(t)
	replied := o.reply(t, "解释说明") // served 2026-03-26
	reviewed := o.reply(t, "不予支持")
	clerk := o.as(t, "clerk1")
	mustStep(t, clerk, reviewed, StepInput{Action: "request_review", Date: "2026-03-26", Body: "某县人民政府"})
	mustStep(t, clerk, reviewed, StepInput{Action: "review_done", Date: "2026-03-26", Result: "维持"})
	inReview := o.reply(t, "不予支持")
	mustStep(t, clerk, inReview, StepInput{Action: "request_review", Date: "2026-03-26", Body: "某县人民政府"})

	last := windowLast(t, o, replied, deadline.ReviewRequest)
	lastRecheck := windowLast(t, o, reviewed, deadline.RecheckRequest)
	if last != lastRecheck {
		t.Fatalf("two windows served the same day end on %s and %s", last, lastRecheck)
	}

	// On the window's last day the petitioner may still ask: nothing closes.
	o.on(last.String())
	if n, err := o.a.CloseLapsed(); err != nil || n != 0 {
		t.Fatalf("on the last day: closed %d, %v", n, err)
	}
	if c := o.stored(t, replied); c.Status != string(casestate.Replied) {
		t.Fatalf("on the last day the case is %s", c.Status)
	}

	// The next morning someone signs in: both lapsed windows are closed,
	// the case in review is not.
	o.on((last + 1).String())
	if _, err := o.a.Auth.Login("clerk1", "Secret123clerk1"); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[uint64]string{replied: "复查期限届满", reviewed: "复核期限届满"} {
		c := o.stored(t, id)
		if c.Status != string(casestate.Closed) || c.Closed != last+1 {
			t.Fatalf("case %d: %s closed on %s, want closed on %s", id, c.Status, c.Closed, last+1)
		}
		tl := must(o.as(t, "clerk1").Get(id))(t).Timeline
		var e TimelineEntry // the last step (a "closed" line follows it)
		for _, x := range tl {
			if x.Kind == store.EventStatus {
				e = x
			}
		}
		if e.By != "系统" || !strings.Contains(e.Text, want) {
			t.Errorf("case %d's last entry: %q by %q", id, e.Text, e.By)
		}
	}
	if c := o.stored(t, inReview); c.Status != string(casestate.InReview) {
		t.Errorf("a case in review was moved to %s", c.Status)
	}

	// Each close is in the audit log, by the app, not by a user.
	st, _ := o.a.store()
	var sys int
	st.View(func(tx *store.Tx) error {
		all, err := tx.Audit(0, 1000)
		for _, e := range all {
			if e.Workstation == SystemWorkstation {
				sys++
				if e.User != 0 || e.Action != ActionStep {
					t.Errorf("system entry by user %d, action %s", e.User, e.Action)
				}
			}
		}
		return err
	})
	if sys != 2 {
		t.Errorf("%d audit entries of the app's closes, want 2", sys)
	}

	// Sweeping again changes nothing.
	if n, err := o.a.CloseLapsed(); err != nil || n != 0 {
		t.Fatalf("a second sweep closed %d, %v", n, err)
	}
}

// A generated office looks like one the app has kept: on its day no
// window has lapsed unclosed, and signing in closes nothing.
func TestAGeneratedOfficeHoldsNoLapsedWindow(t *testing.T) {
	a, _ := testApp(t)
	st, _ := a.store()
	if _, err := gen.Office(st, gen.Options{Visits: 3000, Years: 1, Seed: 5, Password: "demo2026", HashPassword: HashPassword}); err != nil {
		t.Fatal(err)
	}
	today := civil.DateOf(a.now())
	windows := 0
	st.View(func(tx *store.Tx) error {
		windows = tx.TodoCount(0, followup.TodoReviewWindow) + tx.TodoCount(0, followup.TodoRecheckWindow)
		return nil
	})
	if windows == 0 {
		t.Fatal("the generated office has no open 复查 or 复核 window to look at")
	}
	if n, err := a.CloseLapsed(); err != nil || n != 0 {
		t.Fatalf("the sweep closed %d of %d open windows on the generator's day (%s): %v", n, windows, today, err)
	}
}
