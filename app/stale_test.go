package app

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"laifang/domain/casestate"
	"laifang/domain/dict"
	"laifang/store"
)

// Lost updates: every bound method that edits shared data carries the
// revision its form read, and a save over someone else's newer one is
// refused with nothing written. Each such method is in staleSaves; every
// other method that is not a read says in notSharedEdits why it needs no
// revision. A method in neither fails TestEveryEditIsClassified.

// readMethods are the bound methods that only read.
var readMethods = regexp.MustCompile(`\.(List|Get|State|Info|Directory|Options|Check|Today|Draft|Form|Panel|Verify|RecordSheet|Head|Steps|Queue)$`)

var notSharedEdits = map[string]string{
	"Auth.Setup":            "makes the office once; refused as soon as anyone exists",
	"System.Backup":         "copies the data file; changes nothing in it but its own audit entry",
	"System.SaveFile":       "writes a file the person chose outside the data file",
	"Auth.Login":            "the session's own state",
	"Auth.Logout":           "the session's own state",
	"Auth.Lock":             "the session's own state",
	"Auth.Unlock":           "the session's own state",
	"Auth.ChangePassword":   "the user's own password, checked against the old one",
	"Users.SetPassword":     "replaces a password whole: nothing read is written back",
	"Users.Unlock":          "clears a lockout, the same whoever does it",
	"Audit.Printed":         "adds an audit entry",
	"Stats.Report":          "reads",
	"Stats.Export":          "reads (audited as an export)",
	"Stats.Printed":         "adds an audit entry",
	"Retention.Purge":       "deletes what is expired when it runs, which Go decides then",
	"Privacy.Reveal":        "reads (audited)",
	"Import.Upload":         "the session's own uploaded file",
	"Import.Run":            "adds new cases only; a row imported meanwhile is found by its fingerprint and skipped",
	"Import.Progress":       "reads the session's own import",
	"Cases.AddRecord":       "adds a visit and its record; overwrites nothing",
	"Visits.Register":       "adds a case, or a visit to one; overwrites nothing",
	"Visits.SaveDraft":      "the user's own draft",
	"Ledger.Export":         "reads the ledger into a file (audited)",
	"Ledger.ExportProgress": "the session's own export",
	"Ledger.ExportFile":     "hands over the session's own file",
	// The calendar's reads (a file read is not saved; the screen saves it
	// with Calendar.SaveHolidays).
	"Calendar.Holidays":       "reads",
	"Calendar.ImportHolidays": "reads the file sent, saves nothing",
	"Calendar.ExportHolidays": "reads",
	"Calendar.Profiles":       "reads",
	"Units.Delete":            "removes a department nothing refers to, whole: nothing read is written back",
	// 文书: a letter is issued once and never edited; a correction is a
	// new letter (Supersede refuses a letter already corrected).
	"Letters.Kinds":              "reads",
	"Letters.Placeholders":       "reads",
	"Letters.Preview":            "reads",
	"Letters.Issue":              "adds a letter with a new number; overwrites nothing",
	"Letters.Supersede":          "adds a correction; refused when the letter is already corrected",
	"Letters.Printed":            "adds an audit entry",
	"Letters.Templates":          "reads",
	"Letters.Template":           "reads",
	"Letters.ResetTemplate":      "adds a new version of the built-in text; overwrites nothing",
	"Letters.Layout":             "reads",
	"Letters.SaveLayout":         "replaces the print layout whole: nothing read is written back",
	"Letters.NumberPatterns":     "reads",
	"Letters.SaveNumberPatterns": "replaces the patterns given whole: nothing read is written back",
}

// staleSave makes a first save as one user, then a second on what was
// read before it, and tells whether the file still holds the first.
type staleSave struct {
	code string // the refusal; CodeStale unless set
	run  func(t *testing.T, a *App, other Bound) (stale error, kept bool)
}

var staleSaves = map[string]staleSave{
	"Units.Save": {run: func(t *testing.T, a *App, other Bound) (error, bool) {
		u := must(a.Units.Save(UnitInput{Name: "城建办", Kind: "internal", Active: true}))(t)
		in := UnitInput{ID: u.ID, Name: u.Name, Kind: u.Kind, Active: true, Rev: u.Rev}
		in.Contact = "王甲"
		must(a.Units.Save(in))(t)
		in.Contact = "李乙"
		_, err := other.Units.Save(in)
		l, _ := a.Units.List()
		i := slices.IndexFunc(l.Units, func(x UnitView) bool { return x.ID == u.ID })
		return err, i >= 0 && l.Units[i].Contact == "王甲"
	}},
	"Settings.Save": {run: func(t *testing.T, a *App, other Bound) (error, bool) {
		read, _ := a.Settings.Get()
		first := read
		first.OrgName = "甲镇人民政府"
		must(a.Settings.Save(first))(t)
		second := read
		second.OrgName = "乙镇人民政府"
		_, err := other.Settings.Save(second)
		got, _ := a.Settings.Get()
		return err, got.OrgName == "甲镇人民政府"
	}},
	"Users.Save": {run: func(t *testing.T, a *App, other Bound) (error, bool) {
		u := must(a.Users.Save(UserInput{Login: "zhang", Name: "张", Role: RoleClerk, Active: true, Password: "Secret123abc"}))(t)
		in := UserInput{ID: u.ID, Login: u.Login, Name: "张甲", Role: u.Role, Active: true, Rev: u.Rev}
		must(a.Users.Save(in))(t)
		in.Name, in.Role = "张乙", RoleHead
		_, err := other.Users.Save(in)
		us, _ := a.Users.List()
		i := slices.IndexFunc(us, func(x UserInfo) bool { return x.ID == u.ID })
		return err, i >= 0 && us[i].Name == "张甲" && us[i].Role == RoleClerk
	}},
	"Wording.Save": {run: func(t *testing.T, a *App, other Bound) (error, bool) {
		head := headOf(t, a)
		w := must(head.Wording.Save(WordingEntry{Topic: "工资拖欠", Text: "原文"}))(t)
		first := w
		first.Text = "甲改的原文"
		must(head.Wording.Save(first))(t)
		second := w
		second.Text = "乙改的原文"
		_, err := other.Wording.Save(second)
		return err, wordingText(a, w.ID) == "甲改的原文"
	}},
	"Wording.Approve": {run: func(t *testing.T, a *App, other Bound) (error, bool) {
		head := headOf(t, a)
		w := must(head.Wording.Save(WordingEntry{Topic: "工资拖欠", Text: "原文"}))(t)
		first := w
		first.Text = "改过的原文"
		must(head.Wording.Save(first))(t)
		// the second head approves the text they read, not the one saved since
		_, err := other.Wording.Approve(w.ID, w.Rev)
		got := storedWording(a, w.ID)
		return err, got != nil && got.Status == store.WordingDraft
	}},
	"Wording.Retire": {run: func(t *testing.T, a *App, other Bound) (error, bool) {
		head := headOf(t, a)
		w := must(head.Wording.Save(WordingEntry{Topic: "工资拖欠", Text: "原文"}))(t)
		must(head.Wording.Approve(w.ID, w.Rev))(t)
		_, err := other.Wording.Retire(w.ID, w.Rev)
		got := storedWording(a, w.ID)
		return err, got != nil && got.Status == store.WordingApproved
	}},
	"Dicts.Save": {run: func(t *testing.T, a *App, other Bound) (error, bool) {
		read := channelList(t, a)
		first := cloneList(read.List)
		first.Entries[0].Label = "甲改的名称"
		must(a.Dicts.Save(first, read.Rev))(t)
		second := cloneList(read.List)
		second.Entries[0].Label = "乙改的名称"
		second.Entries = append(second.Entries, dict.Entry{Code: "微信", Label: "微信", Sort: 99, Active: true})
		_, err := other.Dicts.Save(second, read.Rev)
		got := channelList(t, a)
		_, added := got.Lookup("微信")
		return err, got.Entries[0].Label == "甲改的名称" && !added && got.Rev == read.Rev+1
	}},
	"Dicts.Reset": {run: func(t *testing.T, a *App, other Bound) (error, bool) {
		read := channelList(t, a)
		first := cloneList(read.List)
		first.Entries[0].Label = "甲改的名称"
		must(a.Dicts.Save(first, read.Rev))(t)
		_, err := other.Dicts.Reset(dict.Channel, read.Rev)
		return err, channelList(t, a).Entries[0].Label == "甲改的名称"
	}},
	"Calendar.SaveHolidays": {run: func(t *testing.T, a *App, other Bound) (error, bool) {
		read := must(a.Calendar.Holidays(2026))(t)
		first := slices.Clone(read.Days)
		first[0].Note = "甲改的说明"
		must(a.Calendar.SaveHolidays(HolidayYear{Year: 2026, Days: first, Rev: read.Rev}))(t)
		second := slices.Clone(read.Days)
		second[0].Note = "乙改的说明"
		_, err := other.Calendar.SaveHolidays(HolidayYear{Year: 2026, Days: second, Rev: read.Rev})
		got := must(a.Calendar.Holidays(2026))(t)
		return err, got.Days[0].Note == "甲改的说明"
	}},
	"Calendar.SaveProfile": {run: func(t *testing.T, a *App, other Bound) (error, bool) {
		read := must(a.Calendar.Profiles())(t)
		p := read.Profiles[0]
		p.Name = "甲方案"
		must(a.Calendar.SaveProfile(p, read.Rev))(t)
		p.Name = "乙方案"
		_, err := other.Calendar.SaveProfile(p, read.Rev)
		got := must(a.Calendar.Profiles())(t)
		names := []string{}
		for _, x := range got.Profiles {
			names = append(names, x.Name)
		}
		return err, slices.Contains(names, "甲方案") && !slices.Contains(names, "乙方案")
	}},
	"Calendar.UseProfile": {run: func(t *testing.T, a *App, other Bound) (error, bool) {
		read := must(a.Calendar.Profiles())(t)
		must(a.Calendar.UseProfile("zhejiang", read.Rev))(t)
		_, err := other.Calendar.UseProfile("national", read.Rev)
		return err, must(a.Calendar.Profiles())(t).InUse != "national"
	}},
	// Two heads on the same registered case: the first accepts it, the
	// second's step on what they read is refused.
	"Cases.Step": {run: func(t *testing.T, a *App, other Bound) (error, bool) {
		head := headOf(t, a).Cases
		cid, _ := intakeOne(t, a, store.Person{Name: "测试甲"}, store.Case{Title: "拖欠工资", Status: string(casestate.Registered)}, "来访")
		read := must(head.Steps(cid))(t)
		must(head.Step(cid, StepInput{Action: "accept", Rev: read.Rev}))(t)
		_, err := other.Cases.Step(cid, StepInput{Action: "redirect", Body: "某县人民法院", Rev: read.Rev})
		st, _ := a.store()
		c, _ := st.Case(cid)
		return err, c != nil && c.Status == string(casestate.Accepted)
	}},
	// A record's revision is the entry it corrects: two clerks correcting
	// the same record, the second is told it was corrected meanwhile.
	"Cases.CorrectRecord": {code: "record.corrected", run: func(t *testing.T, a *App, other Bound) (error, bool) {
		c := a.bind(addUser(t, a, "clerkA", RoleClerk, false)).Cases
		cid, _ := intakeOne(t, a, wang(), store.Case{Title: "拖欠工资"}, "第一次来访")
		ev := must(c.AddRecord(cid, CaseRecord{RecordInput: RecordInput{Statement: "再次来访"}}))(t)
		must(c.CorrectRecord(cid, ev, CaseRecord{RecordInput: RecordInput{Statement: "甲的更正"}}))(t)
		_, err := other.Cases.CorrectRecord(cid, ev, CaseRecord{RecordInput: RecordInput{Statement: "乙的更正"}})
		d, _ := c.Get(cid)
		last := d.Timeline[len(d.Timeline)-1]
		return err, len(d.Timeline) == 3 && last.Record != nil && last.Record.Statement == "甲的更正"
	}},
	"Tasks.Step": {run: func(t *testing.T, a *App, other Bound) (error, bool) {
		head := headOf(t, a)
		task := staleTask(t, a)
		must(head.Tasks.Step(TaskStepInput{Task: task.ID, Action: StepReceive, Rev: task.Rev, Receiver: "甲"}))(t)
		_, err := other.Tasks.Step(TaskStepInput{Task: task.ID, Action: StepReceive, Rev: task.Rev, Receiver: "乙"})
		got, _ := head.Tasks.Get(task.ID)
		return err, got.Receiver == "甲"
	}},
	"Tasks.Urge": {run: func(t *testing.T, a *App, other Bound) (error, bool) {
		head := headOf(t, a)
		task := staleTask(t, a)
		must(head.Tasks.Urge(UrgeInput{Task: task.ID, Level: "一般催办", Text: "甲的催办", Rev: task.Rev}))(t)
		_, err := other.Tasks.Urge(UrgeInput{Task: task.ID, Level: "督办", Text: "乙的督办", Rev: task.Rev})
		got, _ := head.Tasks.Get(task.ID)
		return err, len(got.UrgeList) == 1 && got.UrgeList[0].Text == "甲的催办"
	}},
	// A template's revision is its version: two editors of one template,
	// the second is told someone saved a newer version.
	"Letters.SaveTemplate": {run: func(t *testing.T, a *App, other Bound) (error, bool) {
		head := headOf(t, a)
		v := must(head.Letters.Template("accept"))(t)
		must(head.Letters.SaveTemplate("accept", "{{信访人称呼}}：\n甲的模板。", v.Version))(t)
		_, err := other.Letters.SaveTemplate("accept", "{{信访人称呼}}：\n乙的模板。", v.Version)
		got, _ := head.Letters.Template("accept")
		return err, strings.Contains(got.Body, "甲的模板")
	}},
	"Tasks.Create": {run: func(t *testing.T, a *App, other Bound) (error, bool) {
		head := headOf(t, a)
		task := staleTask(t, a)
		rev := caseRev(t, a, task.Case)
		in := TaskInput{Case: task.Case, Type: TaskAssist, Unit: assignee(t, a, "某街道办"), Due: "2026-03-20", Rev: rev}
		must(head.Tasks.Create(in))(t)
		_, err := other.Tasks.Create(in)
		p, _ := head.Tasks.List(TaskQuery{})
		return err, p.Total == 2
	}},
}

// staleTask is a 交办 made at registration, as the head reads it.
func staleTask(t *testing.T, a *App) TaskDetail {
	t.Helper()
	b := a.bind(addUser(t, a, "clerkT", RoleClerk, false))
	assignee(t, a, "某村委会")
	in := baseInput()
	in.Disposal, in.Unit, in.Due = string(casestate.Assign), "某村委会", "2026-03-20"
	must(b.Visits.Register(in))(t)
	p := must(b.Tasks.List(TaskQuery{}))(t)
	return must(b.Tasks.Get(p.Rows[0].ID))(t)
}

// must(f())(t) is f's result, or the test stops.
func must[T any](v T, err error) func(*testing.T) T {
	return func(t *testing.T) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

func headOf(t *testing.T, a *App) Bound { return a.bind(addUser(t, a, "headA", RoleHead, false)) }

func storedWording(a *App, id uint64) (w *store.Wording) {
	st, _ := a.store()
	_ = st.View(func(tx *store.Tx) error { w, _ = tx.Wording(id); return nil })
	return w
}

func wordingText(a *App, id uint64) string {
	if w := storedWording(a, id); w != nil {
		return w.Text
	}
	return ""
}

func channelList(t *testing.T, a *App) DictList {
	t.Helper()
	ls := must(a.Dicts.List())(t)
	i := slices.IndexFunc(ls, func(l DictList) bool { return l.Name == dict.Channel })
	return ls[i]
}

func cloneList(l dict.List) dict.List {
	l.Entries = slices.Clone(l.Entries)
	return l
}

func TestEveryEditIsClassified(t *testing.T) {
	for name := range MethodPerms {
		_, stale := staleSaves[name]
		_, other := notSharedEdits[name]
		switch {
		case readMethods.MatchString(name) && (stale || other):
			t.Errorf("%s reads; it is in a list of edits", name)
		case readMethods.MatchString(name):
		case stale && other:
			t.Errorf("%s is both in staleSaves and notSharedEdits", name)
		case !stale && !other:
			t.Errorf("%s is not a read: add it to staleSaves (a save on a stale revision is refused) "+
				"or to notSharedEdits with why it edits nothing another user may have changed", name)
		}
	}
	for name := range staleSaves {
		if _, ok := MethodPerms[name]; !ok {
			t.Errorf("staleSaves has %s, which is not bound", name)
		}
	}
	for name := range notSharedEdits {
		if _, ok := MethodPerms[name]; !ok {
			t.Errorf("notSharedEdits has %s, which is not bound", name)
		}
	}
}

// TestEverySaveOnAStaleRevisionIsRefused: two users read the same data;
// the first saves; the second's save, on what they read, is refused with
// its message and the first save stays.
func TestEverySaveOnAStaleRevisionIsRefused(t *testing.T) {
	for name, c := range staleSaves {
		t.Run(name, func(t *testing.T) {
			a, _ := testApp(t)
			setUp(t, a)
			role := RoleAdmin
			for _, p := range MethodPerms[name] {
				if !may(role, false, p) {
					role = RoleHead
				}
			}
			other := a.bind(addUser(t, a, "other", role, false))
			err, kept := c.run(t, a, other)
			want := c.code
			if want == "" {
				want = CodeStale
			}
			if code(err) != want {
				t.Errorf("the stale save: %v, want %s", err, want)
			}
			if want == CodeStale && err != nil && AsError(err).Message != MsgStale {
				t.Errorf("message %q", AsError(err).Message)
			}
			if !kept {
				t.Error("the first save did not stay")
			}
		})
	}
}
