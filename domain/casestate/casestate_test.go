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

	{Objected, ObjectionOK}: Redirected,
	{Objected, ObjectionNo}: Registered,

	{Accepted, StartWork}:     InProgress,
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
	{Closed, Archive}:        Archived,
	{Terminated, Archive}:    Archived,
}

// full satisfies every Need.
var full = Input{Incoming: true, Reason: "不属于本机关职权范围", Body: "县人民法院", Unit: "农业农村办",
	Due: "2026-04-01", Outcome: "解释说明", Days: 30}

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
			tr := findTransition(a)
			in := full
			in.Role = tr.Roles[0]
			got, err := Check(from, a, in)
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
	a[0].Roles[0] = "nobody"
	if Allowed(Registered)[0].Roles[0] == "nobody" {
		t.Fatal("Allowed shares the table's slices")
	}
}

// The disposals at registration of docs/DOMAIN.md §5.2 that the intake form offers, each
// a transition out of REGISTERED with its code for store.Case.Disposal.
func TestDisposals(t *testing.T) {
	codes := map[string]State{
		"当场答复": AnsweredSpot, "受理": Accepted, "转送": Transferred, "交办": Assigned,
		"告知向有权机关提出": Redirected, "导入法定程序": RoutedLegal, "不予受理": NotAccepted,
		"不再受理": NotReaccepted, "呈报领导": Registered,
	}
	d := Disposals()
	if len(d) != len(codes) {
		t.Fatalf("%d disposals, want %d", len(d), len(codes))
	}
	for _, tr := range d {
		if to, ok := codes[tr.Disposal]; !ok || to != tr.To || !slices.Equal(tr.From, []State{Registered}) {
			t.Errorf("disposal %q: %+v", tr.Disposal, tr)
		}
		// A clerk makes every disposal at the desk except 不再受理.
		_, err := Check(Registered, tr.Action, with(full, RoleClerk))
		if tr.Action == NotReaccept {
			if !errors.Is(err, ErrRole) {
				t.Errorf("clerk 不再受理: %v", err)
			}
		} else if err != nil {
			t.Errorf("clerk %s: %v", tr.Disposal, err)
		}
	}
}

func with(in Input, role string) Input { in.Role = role; return in }

// What each refusal needs, as a clerk would meet it.
func TestNeeds(t *testing.T) {
	clerk := Input{Role: RoleClerk}
	head := Input{Role: RoleHead}
	cases := []struct {
		name   string
		from   State
		action Action
		in     Input
		want   *Error
	}{
		{"不予受理 without a reason", Registered, NotAccept, clerk, ErrReason},
		{"不予受理 with a blank reason", Registered, NotAccept, Input{Role: RoleClerk, Reason: " \u3000 "}, ErrReason},
		{"不予受理 with a reason", Registered, NotAccept, Input{Role: RoleClerk, Reason: "越级走访"}, nil},
		{"不再受理 without a reason", Registered, NotReaccept, head, ErrReason},
		{"告知向有权机关 without naming it", Registered, Redirect, clerk, ErrBody},
		{"导入法定程序 without the procedure", Registered, RouteLegal, clerk, ErrBody},
		{"导入法定程序 naming the court", Registered, RouteLegal, Input{Role: RoleClerk, Body: "县人民法院"}, nil},
		{"转送 without a unit", Registered, Transfer, clerk, ErrUnit},
		{"交办 without a deadline", Registered, Assign, Input{Role: RoleClerk, Unit: "司法所"}, ErrDue},
		{"交办 with unit and deadline", Registered, Assign, Input{Role: RoleClerk, Unit: "司法所", Due: "2026-04-01"}, nil},
		{"受理 needs nothing more", Registered, Accept, clerk, nil},
		{"当场答复 needs nothing more", Registered, AnswerOnSpot, clerk, nil},
		{"objecting to our own case", Registered, Object, Input{Role: RoleClerk, Reason: "不属于本单位"}, ErrNotIncoming},
		{"objecting to a case sent down, no reason", Registered, Object, Input{Role: RoleClerk, Incoming: true}, ErrReason},
		{"objecting to a case sent down", Registered, Object, Input{Role: RoleClerk, Incoming: true, Reason: "不属于本单位"}, nil},
		{"extension without days", InProgress, Extend, Input{Role: RoleHead, Reason: "案情复杂"}, ErrDays},
		{"extension without reason", InProgress, Extend, Input{Role: RoleHead, Days: 30}, ErrReason},
		{"extension twice", Extended, Extend, Input{Role: RoleHead, Reason: "x", Days: 10}, ErrNotAllowed},
		{"reply without outcome", InProgress, Reply, head, ErrOutcome},
		{"reply with an outcome outside art. 32", InProgress, Reply, Input{Role: RoleHead, Outcome: "调解"}, ErrOutcome},
		{"reply 予以支持", Extended, Reply, Input{Role: RoleHead, Outcome: "予以支持"}, nil},
		{"reply 不予支持", InProgress, Reply, Input{Role: RoleHead, Outcome: "不予支持"}, nil},
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

// Who may take which step.
func TestRoles(t *testing.T) {
	roles := []string{RoleClerk, RoleHandler, RoleHead, RoleSystem, "admin", "reader", ""}
	for _, tr := range table {
		for _, role := range roles {
			_, err := Check(tr.From[0], tr.Action, with(full, role))
			if slices.Contains(tr.Roles, role) {
				if err != nil {
					t.Errorf("%s by %q: %v", tr.Action, role, err)
				}
			} else if !errors.Is(err, ErrRole) {
				t.Errorf("%s by %q should be refused, got %v", tr.Action, role, err)
			}
		}
	}
	cases := []struct {
		role   string
		from   State
		action Action
		ok     bool
	}{
		{RoleClerk, Draft, Register, true},
		{RoleHandler, Draft, Register, false},
		{"admin", Draft, Register, false}, // the system administrator handles no cases
		{RoleClerk, Registered, NotReaccept, false},
		{RoleHead, Registered, NotReaccept, true},
		{RoleClerk, InProgress, Extend, false}, // art. 34: the head approves
		{RoleHandler, InProgress, Extend, false},
		{RoleHead, InProgress, Extend, true},
		{RoleHandler, InProgress, Reply, false}, // the head signs the 处理意见书
		{RoleHandler, Accepted, StartWork, true},
		{RoleClerk, Accepted, StartWork, false},
		{RoleSystem, Replied, ReviewLapsed, true},
		{RoleSystem, Replied, RequestReview, false},
		{RoleSystem, Registered, Accept, false},
		{RoleHead, Registered, Accept, true},
		{"reader", Registered, Accept, false},
	}
	for _, c := range cases {
		_, err := Check(c.from, c.action, with(full, c.role))
		if (err == nil) != c.ok {
			t.Errorf("%q %s from %s: %v, want ok=%v", c.role, c.action, c.from, err, c.ok)
		}
	}
	// The buttons a clerk sees on a registered case.
	var got []Action
	for _, tr := range AllowedFor(Registered, RoleClerk) {
		got = append(got, tr.Action)
	}
	if slices.Contains(got, NotReaccept) || !slices.Contains(got, Accept) || !slices.Contains(got, Object) {
		t.Fatalf("clerk sees %v", got)
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
	if open != 13 || Open(Draft) || !Open(Accepted) || Open(Closed) {
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
		if tr.Label == "" || len(tr.Roles) == 0 {
			t.Errorf("%s lacks a label or roles", tr.Action)
		}
	}
	acc, _ := Check(Registered, Accept, with(full, RoleClerk))
	if acc.Letter != "受理告知书" || !slices.Contains(acc.Stops, "受理告知") || !slices.Contains(acc.Starts, "办理") {
		t.Fatalf("accept: %+v", acc)
	}
}
