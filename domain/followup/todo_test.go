package followup

import (
	"slices"
	"testing"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/domain/deadline"
)

func TestTodo(t *testing.T) {
	d := civil.Date(20500) // any day; Todo reads only whether a date is set
	cases := []struct {
		name string
		f    Facts
		want []string
	}{
		{"registered: nothing owed yet", Facts{State: casestate.Registered}, nil},
		{"accepted, notice not served", Facts{State: casestate.Accepted, Accepted: d}, []string{TodoNotice, TodoReply}},
		{"accepted, notice served", Facts{State: casestate.Accepted, Accepted: d, NoticeServed: d}, []string{TodoReply}},
		{"in progress, notice still owed", Facts{State: casestate.InProgress, Accepted: d}, []string{TodoNotice, TodoReply}},
		{"extended", Facts{State: casestate.Extended, Accepted: d, NoticeServed: d}, []string{TodoReply}},
		{"not accepted: its notice", Facts{State: casestate.NotAccepted}, []string{TodoNotice}},
		{"not accepted, served", Facts{State: casestate.NotAccepted, NoticeServed: d}, nil},
		{"not reaccepted", Facts{State: casestate.NotReaccepted}, []string{TodoNotice}},
		{"redirected", Facts{State: casestate.Redirected}, []string{TodoNotice}},
		{"routed to the legal procedure", Facts{State: casestate.RoutedLegal}, []string{TodoNotice}},
		{"transferred", Facts{State: casestate.Transferred}, []string{TodoNotice}},
		{"assigned: the petitioner is told where it went", Facts{State: casestate.Assigned}, []string{TodoNotice}},
		{"assigned, told", Facts{State: casestate.Assigned, NoticeServed: d}, nil},
		{"answered on the spot", Facts{State: casestate.AnsweredSpot}, []string{TodoSatisfaction}},
		{"answered on the spot, satisfied", Facts{State: casestate.AnsweredSpot, Satisfaction: "满意"}, nil},
		{"replied, not served", Facts{State: casestate.Replied, Accepted: d, NoticeServed: d, Replied: d, Outcome: "解释说明"},
			[]string{TodoServe}},
		{"replied and served", Facts{State: casestate.Replied, Replied: d, Served: d, Outcome: "解释说明"},
			[]string{TodoSatisfaction, TodoReviewWindow}},
		{"supported, served, satisfied", Facts{State: casestate.Replied, Replied: d, Served: d, Outcome: "予以支持", Satisfaction: "满意"},
			[]string{TodoImplement, TodoReviewWindow}},
		{"supported and implemented, closed", Facts{State: casestate.Closed, Replied: d, Served: d, Outcome: "予以支持",
			Satisfaction: "基本满意", Implemented: d}, nil},
		{"supported, closed, not implemented", Facts{State: casestate.Closed, Replied: d, Served: d, Outcome: "予以支持",
			Satisfaction: "未评价"}, []string{TodoImplement}},
		{"closed without satisfaction", Facts{State: casestate.Closed, Replied: d, Served: d, Outcome: "不予支持"},
			[]string{TodoSatisfaction}},
		{"in review", Facts{State: casestate.InReview, Replied: d, Served: d, Outcome: "不予支持", Satisfaction: "不满意", ReviewAsked: d},
			[]string{TodoInReview}},
		{"reviewed, opinion not served", Facts{State: casestate.Reviewed, Replied: d, Served: d, Satisfaction: "不满意"}, nil},
		{"reviewed, opinion served", Facts{State: casestate.Reviewed, Replied: d, Served: d, Satisfaction: "不满意", ReviewServed: d},
			[]string{TodoRecheckWindow}},
		{"in recheck", Facts{State: casestate.InRecheck, Replied: d, Served: d, Satisfaction: "不满意"}, []string{TodoInRecheck}},
		{"reopened: the reply is set aside", Facts{State: casestate.Reopened, Replied: d, Served: d, Outcome: "予以支持"}, nil},
		{"closed after a transfer", Facts{State: casestate.Closed}, nil},
		{"archived: nothing", Facts{State: casestate.Archived, Replied: d, Served: d, Outcome: "予以支持"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Todo(c.f); !slices.Equal(got, c.want) {
				t.Errorf("Todo = %v, want %v", got, c.want)
			}
		})
	}
}

// Every kind has a label and every notice state comes from a disposal
// with a letter to the petitioner.
func TestTodoKinds(t *testing.T) {
	for _, k := range TodoKinds {
		if TodoLabels[k] == "" {
			t.Errorf("kind %s has no label", k)
		}
	}
	for _, s := range []casestate.State{casestate.Accepted, casestate.NotAccepted, casestate.Transferred, casestate.Assigned} {
		if !noticeStates[s] {
			t.Errorf("%s owes no notice", s)
		}
	}
	for _, s := range []casestate.State{casestate.AnsweredSpot, casestate.Registered} {
		if noticeStates[s] {
			t.Errorf("%s owes a notice", s)
		}
	}
}

// Every clock a case can run on times at most one kind of the queue, and
// the kinds that owe the petitioner a dated answer each have one.
func TestTodoClocksNameEachClockOnce(t *testing.T) {
	seen := map[deadline.Clock]string{}
	for kind, cs := range TodoClocks {
		if TodoLabels[kind] == "" {
			t.Errorf("TodoClocks has %q, not a kind of the queue", kind)
		}
		for _, c := range cs {
			if Labels[c] == "" {
				t.Errorf("%s: clock %q has no label", kind, c)
			}
			if other, dup := seen[c]; dup {
				t.Errorf("clock %s times both %s and %s", c, other, kind)
			}
			seen[c] = kind
		}
	}
	for _, kind := range []string{TodoNotice, TodoReply, TodoReviewWindow, TodoInReview, TodoRecheckWindow, TodoInRecheck} {
		if len(TodoClocks[kind]) == 0 {
			t.Errorf("%s has no clock", kind)
		}
	}
}
