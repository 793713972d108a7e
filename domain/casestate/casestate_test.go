package casestate

import (
	"errors"
	"slices"
	"testing"

	"laifang/domain/deadline"
)

type step struct {
	from   State
	action Action
}

// want is docs/DOMAIN.md §5.2 written out again, independently of the table: every
// allowed (state, action) and where it leads. Anything not here must be
// refused.
var want = map[step]State{
	{Draft, Register}: Registered,

	{Registered, AnswerOnSpot}: AnsweredSpot,
	{Registered, Accept}:       Accepted,
	{Registered, Transfer}:     Transferred,
	{Registered, Assign}:       Assigned,
	{Registered, Redirect}:     Redirected,
	{Registered, RouteLegal}:   RoutedLegal,
	{Registered, NotAccept}:    NotAccepted,
	{Registered, NotReaccept}:  NotReaccepted,
	{Registered, ReportToHead}: Registered,
	{Registered, Object}:       Objected,
	{Registered, File}:         Filed,

	{Objected, ObjectionOK}: Redirected,
	{Objected, ObjectionNo}: Registered,

	{Accepted, StartWork}:     InProgress,
	{Accepted, Extend}:        Extended,
	{InProgress, Extend}:      Extended,
	{InProgress, Mediate}:     Mediated,
	{Extended, Mediate}:       Mediated,
	{InProgress, Reply}:       Replied,
	{Extended, Reply}:         Replied,
	{Mediated, CloseMediated}: Closed,

	{Transferred, TransferDone}: Closed,
	{Transferred, TransferBack}: Registered,
	{Assigned, ReportOK}:        Closed,
	{Assigned, ReportBack}:      Assigned,
	{Assigned, AssignBack}:      Registered,

	{Replied, ReviewLapsed}:     Closed,
	{Replied, RequestReview}:    InReview,
	{InReview, ReviewDone}:      Reviewed,
	{InReview, ReviewRedo}:      Reopened,
	{InReview, ReviewRefused}:   Replied,
	{Reviewed, RecheckLapsed}:   Closed,
	{Reviewed, RequestRecheck}:  InRecheck,
	{InRecheck, RecheckDone}:    Terminated,
	{InRecheck, RecheckRedo}:    Reopened,
	{InRecheck, RecheckRefused}: Reviewed,
	{Reopened, Resume}:          InProgress,

	{AnsweredSpot, Archive}:  Archived,
	{Redirected, Archive}:    Archived,
	{RoutedLegal, Archive}:   Archived,
	{NotAccepted, Archive}:   Archived,
	{NotReaccepted, Archive}: Archived,
	{Filed, Archive}:         Archived,
	{Closed, Archive}:        Archived,
	{Terminated, Archive}:    Archived,
}

// wantPerm is docs/DOMAIN.md §5.2's "who" column written out again: the
// permission each step needs, and (lapse) the steps the app may take itself.
var wantPerm = map[Action]string{
	Register: PermWrite, AnswerOnSpot: PermWrite, Accept: PermDecide, Transfer: PermWrite, Assign: PermWrite,
	Redirect: PermWrite, RouteLegal: PermWrite, NotAccept: PermWrite, NotReaccept: PermDecide, File: PermWrite,
	ReportToHead: PermWrite, Object: PermWrite, ObjectionOK: PermWrite, ObjectionNo: PermWrite,
	StartWork: PermHandle, Extend: PermDecide, Mediate: PermHandle, CloseMediated: PermHandle, Reply: PermDecide,
	TransferDone: PermFollow, TransferBack: PermFollow, ReportOK: PermDecide, ReportBack: PermDecide, AssignBack: PermDecide,
	ReviewLapsed: PermWrite, RequestReview: PermFollow, ReviewDone: PermFollow, ReviewRedo: PermFollow,
	ReviewRefused: PermFollow, RecheckLapsed: PermWrite, RequestRecheck: PermFollow, RecheckDone: PermFollow,
	RecheckRedo: PermFollow, RecheckRefused: PermFollow, Resume: PermHandle, Archive: PermWrite,
}

var lapses = []Action{ReviewLapsed, RecheckLapsed}

var perms = []string{PermWrite, PermDecide, PermHandle, PermFollow}

// holding is a May that holds exactly the given permissions.
func holding(ps ...string) func(string) bool {
	return func(p string) bool { return slices.Contains(ps, p) }
}

// all holds every permission of a case.
var all = holding(perms...)

// full satisfies every Need.
var full = Input{May: all, Incoming: true, Reason: "不属于本机关职权范围", Body: "县人民法院", Unit: "农业农村办",
	Due: "2026-04-01", Outcome: "解释说明", Days: 30, MaxExtension: 30}

func actions() []Action {
	var out []Action
	for _, t := range table {
		out = append(out, t.Action)
	}
	return out
}

// Every state against every action: allowed exactly where docs/DOMAIN.md §5.2 says, to the
// state it says; refused everywhere else with casestate.not_allowed.
func TestEveryTransition(t *testing.T) {
	n := 0
	for _, from := range States {
		for _, a := range actions() {
			got, err := Check(from, a, full)
			to, ok := want[step{from, a}]
			if ok {
				n++
				if err != nil {
					t.Errorf("%s --%s--> should be allowed: %v", from, a, err)
				} else if got.To != to {
					t.Errorf("%s --%s--> %s, want %s", from, a, got.To, to)
				}
			} else if !errors.Is(err, ErrNotAllowed) {
				t.Errorf("%s --%s--> should be refused as not allowed, got %v", from, a, err)
			}
		}
	}
	if n != len(want) {
		t.Fatalf("checked %d allowed steps, want %d", n, len(want))
	}
	// And the table has nothing docs/DOMAIN.md §5.2 lacks.
	for _, tr := range table {
		for _, from := range tr.From {
			if _, ok := want[step{from, tr.Action}]; !ok {
				t.Errorf("table allows %s --%s--> not in docs/DOMAIN.md §5.2", from, tr.Action)
			}
		}
	}
}

func findTransition(a Action) Transition {
	for _, t := range table {
		if t.Action == a {
			return t
		}
	}
	panic(a)
}

func TestAllowed(t *testing.T) {
	for _, from := range States {
		var got []Action
		for _, tr := range Allowed(from) {
			got = append(got, tr.Action)
		}
		var exp []Action
		for s := range want {
			if s.from == from {
				exp = append(exp, s.action)
			}
		}
		slices.Sort(got)
		slices.Sort(exp)
		if !slices.Equal(got, exp) {
			t.Errorf("Allowed(%s) = %v, want %v", from, got, exp)
		}
	}
	if len(Allowed(Archived)) != 0 {
		t.Fatal("an archived case must be read-only")
	}
	// Allowed returns copies: changing one leaves the table alone.
	a := Allowed(Registered)
	a[0].Needs = append(a[0].Needs[:0], "nobody")
	a[0].From[0] = "nobody"
	if Allowed(Registered)[0].From[0] == "nobody" {
		t.Fatal("Allowed shares the table's slices")
	}
}

// The disposals at registration of docs/DOMAIN.md §5.2 that the intake form offers, each
// a transition out of REGISTERED with its code for store.Case.Disposal.
func TestDisposals(t *testing.T) {
	codes := map[string]State{
		"当场答复": AnsweredSpot, "受理": Accepted, "转送": Transferred, "交办": Assigned,
		"告知向有权机关提出": Redirected, "导入法定程序": RoutedLegal, "不予受理": NotAccepted,
		"不再受理": NotReaccepted, "呈报领导": Registered, "留存备查": Filed,
	}
	d := Disposals()
	if len(d) != len(codes) {
		t.Fatalf("%d disposals, want %d", len(d), len(codes))
	}
	for _, tr := range d {
		if to, ok := codes[tr.Disposal]; !ok || to != tr.To || !slices.Equal(tr.From, []State{Registered}) {
			t.Errorf("disposal %q: %+v", tr.Disposal, tr)
		}
		// The desk makes every disposal but 受理 and 不再受理, the head's.
		_, err := Check(Registered, tr.Action, with(full, PermWrite))
		if tr.Action == NotReaccept || tr.Action == Accept {
			if !errors.Is(err, ErrRole) {
				t.Errorf("the desk %s: %v", tr.Disposal, err)
			}
		} else if err != nil {
			t.Errorf("the desk %s: %v", tr.Disposal, err)
		}
	}
}

// with is in held by one holding exactly perms.
func with(in Input, perms ...string) Input { in.May = holding(perms...); return in }

// What each refusal needs, as a clerk would meet it.
func TestNeeds(t *testing.T) {
	clerk := Input{May: holding(PermWrite, PermFollow)}
	head := Input{May: all}
	desk := func(in Input) Input { in.May = clerk.May; return in }
	ext := func(in Input) Input { in.May = all; in.MaxExtension = 30; return in }
	cases := []struct {
		name   string
		from   State
		action Action
		in     Input
		want   *Error
	}{
		{"不予受理 without a reason", Registered, NotAccept, clerk, ErrReason},
		{"不予受理 with a blank reason", Registered, NotAccept, desk(Input{Reason: " \u3000 "}), ErrReason},
		{"不予受理 with a reason", Registered, NotAccept, desk(Input{Reason: "越级走访"}), nil},
		{"不再受理 without a reason", Registered, NotReaccept, head, ErrReason},
		{"告知向有权机关 without naming it", Registered, Redirect, clerk, ErrBody},
		{"导入法定程序 without the procedure", Registered, RouteLegal, clerk, ErrBody},
		{"导入法定程序 naming the court", Registered, RouteLegal, desk(Input{Body: "县人民法院"}), nil},
		{"转送 without a unit", Registered, Transfer, clerk, ErrUnit},
		{"交办 without a deadline", Registered, Assign, desk(Input{Unit: "司法所"}), ErrDue},
		{"交办 with unit and deadline", Registered, Assign, desk(Input{Unit: "司法所", Due: "2026-04-01"}), nil},
		{"受理 needs nothing more", Registered, Accept, head, nil},
		{"留存备查 needs nothing more", Registered, File, clerk, nil},
		{"当场答复 needs nothing more", Registered, AnswerOnSpot, clerk, nil},
		{"objecting to our own case", Registered, Object, desk(Input{Reason: "不属于本单位"}), ErrNotIncoming},
		{"objecting to a case sent down, no reason", Registered, Object, desk(Input{Incoming: true}), ErrReason},
		{"objecting to a case sent down", Registered, Object, desk(Input{Incoming: true, Reason: "不属于本单位"}), nil},
		{"extension without days", InProgress, Extend, ext(Input{Reason: "案情复杂"}), ErrDays},
		{"extension without reason", InProgress, Extend, ext(Input{Days: 30}), ErrReason},
		{"extension of 30 days", InProgress, Extend, ext(Input{Reason: "案情复杂", Days: 30}), nil},
		{"extension before work started", Accepted, Extend, ext(Input{Reason: "案情复杂", Days: 15}), nil},
		{"extension of 45 days", InProgress, Extend, ext(Input{Reason: "案情复杂", Days: 45}), ErrDaysMax},
		{"extension under a profile allowing none", InProgress, Extend, Input{May: all, Reason: "案情复杂", Days: 1}, ErrDaysMax},
		{"extension twice", Extended, Extend, ext(Input{Reason: "x", Days: 10}), ErrNotAllowed},
		{"extension again after reopening", InProgress, Extend, ext(Input{Reason: "x", Days: 10, Extended: 30}), ErrExtendedOnce},
		{"reply without outcome", InProgress, Reply, head, ErrOutcome},
		{"reply with an outcome outside art. 32", InProgress, Reply, ext(Input{Outcome: "调解"}), ErrOutcome},
		{"reply 予以支持", Extended, Reply, ext(Input{Outcome: "予以支持"}), nil},
		{"reply 不予支持", InProgress, Reply, ext(Input{Outcome: "不予支持"}), nil},
		{"a repeat visit records 受理", Registered, Accept, Input{May: all, Linked: true}, nil},
		{"a repeat visit records 不予受理", Registered, NotAccept, Input{May: all, Linked: true, Reason: "x"}, nil},
		{"a repeat visit starts work", Accepted, StartWork, Input{May: all, Linked: true}, ErrLinked},
		{"a repeat visit archives", Closed, Archive, Input{May: all, Linked: true}, ErrLinked},
		{"a repeat visit accepts an accepted case", Accepted, Accept, Input{May: all, Linked: true}, ErrLinked},
		{"unknown state", "LOST", Accept, clerk, ErrUnknownState},
		{"unknown action", Registered, "delete", clerk, ErrUnknownAction},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Check(c.from, c.action, c.in)
			if c.want == nil && err != nil || c.want != nil && !errors.Is(err, c.want) {
				t.Fatalf("got %v, want %v", err, c.want)
			}
			var e *Error
			if err != nil && (!errors.As(err, &e) || e.Code() == "" || e.Message() == "") {
				t.Fatalf("error without code: %v", err)
			}
		})
	}
}

// Who may take which step: every transition with the permission that may
// take it and every other one that may not, and the app itself only where a
// window lapses.
func TestPerms(t *testing.T) {
	for _, tr := range table {
		want, ok := wantPerm[tr.Action]
		if !ok || tr.Perm != want {
			t.Errorf("%s needs %q, docs/DOMAIN.md §5.2 says %q", tr.Action, tr.Perm, want)
		}
		for _, p := range perms {
			_, err := Check(tr.From[0], tr.Action, with(full, p))
			if p == want {
				if err != nil {
					t.Errorf("%s with %s: %v", tr.Action, p, err)
				}
			} else if !errors.Is(err, ErrRole) {
				t.Errorf("%s with %s should be refused, got %v", tr.Action, p, err)
			}
		}
		if _, err := Check(tr.From[0], tr.Action, with(full)); !errors.Is(err, ErrRole) {
			t.Errorf("%s with no permission: %v", tr.Action, err)
		}
		in := full
		in.May = nil
		if _, err := Check(tr.From[0], tr.Action, in); !errors.Is(err, ErrRole) {
			t.Errorf("%s with no May: %v", tr.Action, err)
		}
		in.System = true
		_, err := Check(tr.From[0], tr.Action, in)
		if slices.Contains(lapses, tr.Action) != (err == nil) {
			t.Errorf("%s by the app itself: %v", tr.Action, err)
		}
	}
	// What a holder of case.write alone (a clerk) is offered on a
	// registered case: the desk's disposals, not 受理 nor 不再受理.
	var got []Action
	for _, tr := range AllowedFor(Registered, holding(PermWrite, PermFollow)) {
		got = append(got, tr.Action)
	}
	if slices.Contains(got, NotReaccept) || slices.Contains(got, Accept) || !slices.Contains(got, Object) ||
		!slices.Contains(got, File) {
		t.Fatalf("the desk is offered %v", got)
	}
	if len(AllowedFor(Registered, nil)) != 0 {
		t.Fatal("no May, no steps")
	}
}

// Every state has a label, and no state is both terminal and open (DRAFT
// and the states waiting on others are neither).
func TestStatesLabelledAndOpenOrTerminal(t *testing.T) {
	open := 0
	for _, s := range States {
		if Labels[s] == "" {
			t.Errorf("%s has no label", s)
		}
		if Terminal(s) && Open(s) {
			t.Errorf("%s is both terminal and open", s)
		}
		if Open(s) {
			open++
		}
	}
	if open != 13 || Open(Filed) || !Terminal(Filed) || Open(Draft) || !Open(Accepted) || Open(Closed) {
		t.Fatalf("%d open states", open)
	}
}

// Every state can be reached from DRAFT, and every non-terminal state has
// a way out: no case can get stuck.
func TestReachable(t *testing.T) {
	seen := map[State]bool{Draft: true}
	queue := []State{Draft}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for _, tr := range Allowed(s) {
			if !seen[tr.To] {
				seen[tr.To] = true
				queue = append(queue, tr.To)
			}
		}
	}
	for _, s := range States {
		if !seen[s] {
			t.Errorf("%s cannot be reached", s)
		}
		if s != Archived && len(Allowed(s)) == 0 {
			t.Errorf("%s has no way out", s)
		}
	}
}

// Letters and clocks named in the table are the ones the other packages
// know (the clock names are deadline.Clock strings).
func TestClocksAndLetters(t *testing.T) {
	clocks := map[string]bool{}
	for c := range deadline.National().Limits {
		clocks[string(c)] = true
	}
	for _, tr := range table {
		for _, c := range append(slices.Clone(tr.Starts), tr.Stops...) {
			if !clocks[c] {
				t.Errorf("%s names unknown clock %q", tr.Action, c)
			}
		}
		if tr.Label == "" || tr.Perm == "" {
			t.Errorf("%s lacks a label or a permission", tr.Action)
		}
	}
	acc, _ := Check(Registered, Accept, full)
	if acc.Letter != "受理告知书" || !slices.Contains(acc.Stops, "受理告知") || !slices.Contains(acc.Starts, "办理") {
		t.Fatalf("accept: %+v", acc)
	}
}
