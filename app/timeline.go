package app

import (
	"math"
	"slices"
	"strconv"

	"laifang/domain/civil"
	"laifang/domain/dict"
	"laifang/store"
)

// A case's timeline shows everything that happened to it. Its own events
// (registration with the first visit, later visits, corrections,
// decisions) say so themselves; what was written on the case without an
// event — the disposal made at the desk, the tasks and letters of the
// case, the reply, the closing, as files and generated offices hold them —
// is told from the case, its tasks and its letters, in its place by date.

// Kinds of the timeline entries that are not store events.
const (
	KindFeedback = "feedback" // a department's feedback on a task
	KindClosed   = "closed"   // the case closed (办结)
)

// Kinds of the events the step service writes for its records (casestep.go).
const (
	KindServed      = "served"      // a notice or the reply served (送达)
	KindRating      = "rating"      // satisfaction recorded (满意度评价)
	KindImplemented = "implemented" // 执行落实 of a supported reply
	KindHearing     = "hearing"     // the 复核 hearing
	KindResultTold  = "result_told" // a real-name reporter told the result
)

// eventLabels name the kinds of entries in Chinese.
var eventLabels = map[string]string{
	store.EventIntake:     "来访登记",
	store.EventRecord:     "再次来访",
	store.EventNote:       "备注",
	store.EventDecision:   "处理",
	store.EventStatus:     "状态变更",
	store.EventTask:       "交办转送",
	store.EventLetter:     "出具文书",
	store.EventReply:      "答复",
	store.EventReview:     "复查复核",
	store.EventCorrection: "更正接谈记录",
	KindFeedback:          "办理反馈",
	KindClosed:            "办结",
	KindServed:            "送达",
	KindRating:            "满意度评价",
	KindImplemented:       "执行落实",
	KindHearing:           "复核听证",
	KindResultTold:        "告知检举人办理结果",
}

// eventLabel is the Chinese name of an entry's kind (the kind itself for
// one this version does not know).
func eventLabel(kind string) string {
	if l, ok := eventLabels[kind]; ok {
		return l
	}
	return kind
}

// factList collects the labelled facts of an entry, leaving out empty ones.
type factList []CaseField

func (f *factList) add(label, value string) {
	if value != "" {
		*f = append(*f, CaseField{Label: label, Value: value})
	}
}

// visitDetails are the facts of the visit an event records (none for an
// event without one): the office's own, never the petitioner's.
func visitDetails(v *store.Visit) []CaseField {
	f := factList{}
	if v == nil {
		return f
	}
	f.add("信访形式", v.Channel)
	f.add("接待地点", v.Place)
	if v.Present > 0 {
		f.add("来访人数", strconv.Itoa(v.Present))
	}
	f.add("接谈领导", v.Leader)
	f.add("登记时处理", v.Disposal)
	return f
}

// timed is an entry told from the case with when it happened: day and
// moment (sec) where the moment is known, the day only otherwise (sec
// after every moment of the day), nothing (day after every day) where the
// case does not say.
type timed struct {
	e    TimelineEntry
	day  civil.Date
	sec  int64
	rank int // among entries of the same moment, the order things happen in
}

func (a timed) before(b timed) bool {
	if a.day != b.day {
		return a.day < b.day
	}
	if a.sec != b.sec {
		return a.sec < b.sec
	}
	return a.rank < b.rank
}

func atStamp(s store.Stamp) timed { return timed{day: s.Date(), sec: int64(s)} }

func atDay(d civil.Date) timed {
	if d == 0 {
		return timed{day: math.MaxInt32, sec: math.MaxInt64}
	}
	return timed{day: d, sec: math.MaxInt64}
}

// entry fills in what every told entry has.
func (t timed) entry(key, kind, label string, rank int) timed {
	t.rank = rank
	t.e = TimelineEntry{Key: key, Kind: kind, Label: label, Details: []CaseField{}, ScriptRefs: []WordingRef{}}
	switch {
	case t.sec != math.MaxInt64:
		t.e.At = store.Stamp(t.sec).Time().Format("2006-01-02T15:04:05Z07:00")
	case t.day != math.MaxInt32:
		t.e.At = t.day.String()
	}
	return t
}

// caseEntries are the entries told from the case, its tasks and its
// letters, for what has no event of its own; text masked as caseText. A
// task's issue is always told from the task; its later steps are events
// (app/tasks.go), its feedback told only where it has none.
func (s *Cases) caseEntries(tx *store.Tx, c *store.Case, events []store.Event, identified bool, names map[uint64]string) ([]timed, error) {
	text := func(v string) string { return caseText(identified, v) }
	has := map[string]bool{}
	tasks, letters := map[uint64]bool{}, map[uint64]bool{}
	for _, e := range events {
		has[e.Kind] = true
		if e.Task != 0 {
			tasks[e.Task] = true
		}
		if e.Letter != 0 {
			letters[e.Letter] = true
		}
	}
	var out []timed

	// The disposal made at registration: at its moment, or on the day of
	// acceptance when that came later.
	if c.Disposal != "" && !has[store.EventDecision] {
		at := c.Registered
		if at == 0 {
			at = c.Received
		}
		t := atStamp(at)
		if c.Accepted != 0 && c.Accepted != at.Date() {
			t = atDay(c.Accepted)
		}
		t = t.entry("disposal", store.EventDecision, "处理", 0)
		t.e.By = names[c.RegisteredBy]
		f := factList{}
		f.add("处理方式", c.Disposal)
		nl, err := dictList(tx, dict.NotAccepted)
		if err != nil {
			return nil, err
		}
		detail := dispDetail(tx, nl, c, identified)
		switch c.Disposal {
		case "不予受理", "不再受理":
			f.add("理由", detail)
		case "转送", "交办":
			f.add("承办单位", detail)
		default:
			f.add("说明", detail)
			f.add("承办单位", unitName(tx, c.Unit))
		}
		f.add("受理日期", c.Accepted.String())
		f.add("拟办意见", text(c.DispOpinion))
		t.e.Details = f
		out = append(out, t)
	}

	ts, err := tx.CaseTasks(c.ID)
	if err != nil {
		return nil, err
	}
	for _, k := range ts {
		if k.Parent != 0 {
			continue // a 催办/督办: its own event tells it
		}
		label := k.Type
		if label == "" {
			label = eventLabel(store.EventTask)
		}
		id := strconv.FormatUint(k.ID, 10)
		t := atStamp(k.Issued)
		if k.Issued == 0 {
			t = atDay(c.Accepted)
		}
		t = t.entry("task-"+id, store.EventTask, label, 1)
		t.e.By = names[k.IssuedBy]
		f := factList{}
		f.add("承办单位", unitName(tx, k.ToUnit))
		due := k.Due
		if k.NewDue != 0 {
			due = k.NewDue
		}
		f.add("办理期限", due.String())
		f.add("要求", text(k.Requirement))
		t.e.Details = f
		out = append(out, t)
		if k.Feedback != 0 && !tasks[k.ID] { // else the step's event tells it
			fb := atStamp(k.Feedback).entry("feedback-"+id, KindFeedback, eventLabel(KindFeedback), 3)
			fb.e.Text = text(k.FeedbackText)
			fd := factList{}
			fd.add("反馈单位", unitName(tx, k.ToUnit))
			fb.e.Details = fd
			out = append(out, fb)
		}
	}

	ls, err := tx.CaseLetters(c.ID)
	if err != nil {
		return nil, err
	}
	for _, l := range ls {
		if letters[l.ID] || l.Issued == 0 {
			continue
		}
		t := atDay(l.Issued).entry("letter-"+strconv.FormatUint(l.ID, 10), store.EventLetter, eventLabel(store.EventLetter), 2)
		f := factList{}
		f.add("文书", letterLabel(l.Type))
		f.add("文号", l.No)
		f.add("送达日期", l.Served.String())
		f.add("送达方式", l.ServedHow)
		t.e.Details = f
		out = append(out, t)
	}

	if (c.Reply != "" || c.Served != 0) && !has[store.EventReply] {
		day := c.Served
		if day == 0 {
			day = c.Closed
		}
		t := atDay(day).entry("reply", store.EventReply, eventLabel(store.EventReply), 4)
		t.e.Text = text(c.Reply)
		f := factList{}
		f.add("处理结果", c.Outcome)
		f.add("送达日期", c.Served.String())
		f.add("送达方式", c.ServedHow)
		if c.ReplyLetter != 0 {
			if l, err := tx.Letter(c.ReplyLetter); err == nil {
				f.add("答复文书", l.No)
			}
		}
		t.e.Details = f
		out = append(out, t)
	}

	if c.Closed != 0 {
		t := atDay(c.Closed).entry("closed", KindClosed, eventLabel(KindClosed), 5)
		f := factList{}
		f.add("状态", statusLabel(c.Status))
		f.add("处理结果", c.Outcome)
		f.add("归档号", c.ArchiveNo)
		t.e.Details = f
		out = append(out, t)
	}
	slices.SortStableFunc(out, func(a, b timed) int {
		switch {
		case a.before(b):
			return -1
		case b.before(a):
			return 1
		}
		return 0
	})
	return out, nil
}

// mergeTimeline puts the told entries among the case's own (entries, one
// per event, in the order the events were written): what was written at
// registration (registered, the case's Registered) right after the intake,
// each other before the first event that happened after it.
func mergeTimeline(events []store.Event, entries []TimelineEntry, told []timed, registered store.Stamp) []TimelineEntry {
	intake := slices.IndexFunc(events, func(e store.Event) bool { return e.Kind == store.EventIntake })
	var atIntake, later []timed
	for _, t := range told {
		if intake >= 0 && t.sec != math.MaxInt64 && t.sec <= int64(registered) {
			atIntake = append(atIntake, t)
		} else {
			later = append(later, t)
		}
	}
	out := make([]TimelineEntry, 0, len(entries)+len(told))
	i := 0
	for k, e := range entries {
		at := atStamp(events[k].At)
		at.rank = math.MinInt // a told entry of the same moment follows the event
		for i < len(later) && later[i].before(at) {
			out = append(out, later[i].e)
			i++
		}
		out = append(out, e)
		if k == intake {
			for _, t := range atIntake {
				out = append(out, t.e)
			}
		}
	}
	for ; i < len(later); i++ {
		out = append(out, later[i].e)
	}
	return out
}
