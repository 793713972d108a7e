package app

import (
	"sort"
	"strings"
	"time"

	"laifang/domain/civil"
	"laifang/domain/dict"
	"laifang/store"
)

// Wording is the wording library (口径库): approved answers by topic, with
// their policy basis and validity. Anyone may read it; clerks and the head
// write drafts; only the head approves or retires an entry. An approved
// entry is never edited: editing it makes a new draft that supersedes it
// once approved, so every record that used the old one still shows the
// words it used.
type Wording struct{ svc }

// WordingEntry is an entry as the UI shows and edits it.
type WordingEntry struct {
	ID           uint64 `json:"id"`
	Topic        string `json:"topic"`
	Category     string `json:"category"`
	Keywords     string `json:"keywords"`
	Text         string `json:"text"`
	Basis        string `json:"basis"`
	ValidFrom    string `json:"validFrom"`  // YYYY-MM-DD or ""
	ValidUntil   string `json:"validUntil"` // YYYY-MM-DD or ""
	Status       string `json:"status"`     // draft, approved, retired
	Version      int    `json:"version"`
	Supersedes   uint64 `json:"supersedes"`
	SupersededBy uint64 `json:"supersededBy"` // the newer entry, when there is one
	Author       string `json:"author"`
	Approver     string `json:"approver"`
	Approved     string `json:"approved"` // RFC 3339 or ""
	Usable       bool   `json:"usable"`   // approved and valid today
	Rev          uint64 `json:"rev"`
}

// WordingQuery filters the library: words in the topic, keywords, text or
// basis (all must occur), a status ("" any; "usable": approved and valid
// today), a category.
type WordingQuery struct {
	Text     string `json:"text"`
	Status   string `json:"status"`
	Category string `json:"category"`
}

// List reads the library: by topic, then newest version first.
func (s *Wording) List(q WordingQuery) ([]WordingEntry, error) {
	_, st, err := s.gate("Wording.List", q)
	if err != nil {
		return nil, err
	}
	today := civil.DateOf(s.app.now())
	words := strings.Fields(strings.ToLower(q.Text))
	out := []WordingEntry{}
	err = st.View(func(tx *store.Tx) error {
		all, err := tx.Wordings()
		if err != nil {
			return err
		}
		next := map[uint64]uint64{}
		for _, w := range all {
			if w.Supersedes != 0 {
				next[w.Supersedes] = w.ID
			}
		}
		names := userNames(tx)
		for i := range all {
			w := &all[i]
			switch {
			case q.Status == "usable" && !w.ValidOn(today):
				continue
			case q.Status != "" && q.Status != "usable" && w.Status != q.Status:
				continue
			case q.Category != "" && w.Category != q.Category:
				continue
			}
			hay := strings.ToLower(w.Topic + "\n" + w.Keywords + "\n" + w.Text + "\n" + w.Basis)
			ok := true
			for _, word := range words {
				ok = ok && strings.Contains(hay, word)
			}
			if !ok {
				continue
			}
			e := wordingEntry(w, today, names)
			e.SupersededBy = next[w.ID]
			out = append(out, e)
		}
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Topic != out[j].Topic {
			return out[i].Topic < out[j].Topic
		}
		return out[i].ID > out[j].ID
	})
	return out, err
}

func wordingEntry(w *store.Wording, today civil.Date, names map[uint64]string) WordingEntry {
	e := WordingEntry{ID: w.ID, Topic: w.Topic, Category: w.Category, Keywords: w.Keywords, Text: w.Text,
		Basis: w.Basis, ValidFrom: w.From.String(), ValidUntil: w.Until.String(), Status: w.Status,
		Version: w.Version, Supersedes: w.Supersedes, Author: names[w.Author], Approver: names[w.Approver],
		Usable: w.ValidOn(today), Rev: w.Rev}
	if w.Approved != 0 {
		e.Approved = w.Approved.Time().Format(time.RFC3339)
	}
	return e
}

// Save creates a draft (ID 0) or changes one. Saving an approved entry
// makes a new draft that will supersede it; a retired one cannot change.
func (s *Wording) Save(in WordingEntry) (WordingEntry, error) {
	act, st, err := s.gate("Wording.Save", in)
	if err != nil {
		return WordingEntry{}, err
	}
	w, err := checkWording(in)
	if err != nil {
		return WordingEntry{}, err
	}
	today := civil.DateOf(s.app.now())
	var saved *store.Wording
	err = st.Update(func(tx *store.Tx) error {
		if w.Category != "" {
			cats, err := dictList(tx, dict.Category)
			if err != nil {
				return err
			}
			if e, ok := cats.Lookup(w.Category); !ok || !e.Active {
				return fieldError("category", "wording.category", "内容分类不在字典中，请从列表中选择。")
			}
		}
		action, summary := ActionWordingCreate, "新建口径："+clip(w.Topic, 40)
		if in.ID != 0 {
			old, err := tx.Wording(in.ID)
			if err != nil {
				return err
			}
			if old.Rev != in.Rev {
				return store.ErrStale
			}
			switch old.Status {
			case store.WordingRetired:
				return newError("wording.retired", "这条口径已停用，不能再修改；如需要，请新建一条。")
			case store.WordingApproved:
				// a new version, a draft until the head approves it
				if next, _ := supersededBy(tx, old.ID); next != 0 {
					return newError("wording.superseded", "这条口径已有待审核或更新的版本，请修改那一条。")
				}
				w.Supersedes, w.Version = old.ID, old.Version+1
				summary = "修订口径（新版本）：" + clip(w.Topic, 40)
			default:
				w.ID, w.Rev, w.Version, w.Supersedes = old.ID, old.Rev, old.Version, old.Supersedes
				w.Author, w.Created = old.Author, old.Created
				action, summary = ActionWordingEdit, "修改口径草稿："+clip(w.Topic, 40)
			}
		}
		if w.ID == 0 {
			w.Author, w.Created = act.ID, store.StampOf(s.app.now())
			if w.Version == 0 {
				w.Version = 1
			}
		}
		w.Status = store.WordingDraft
		if err := tx.SaveWording(w); err != nil {
			return err
		}
		saved = w
		return s.audit(tx, act, action, "wording", w.ID, summary, "")
	})
	if err != nil {
		return WordingEntry{}, err
	}
	return savedWording(st, saved, today), nil
}

// savedWording is the entry a save returns to the UI, its people named.
func savedWording(st *store.Store, w *store.Wording, today civil.Date) WordingEntry {
	var names map[uint64]string
	st.View(func(tx *store.Tx) error { names = userNames(tx); return nil })
	return wordingEntry(w, today, names)
}

// supersededBy finds the newer entry of id, if any.
func supersededBy(tx *store.Tx, id uint64) (uint64, error) {
	all, err := tx.Wordings()
	if err != nil {
		return 0, err
	}
	for _, w := range all {
		if w.Supersedes == id {
			return w.ID, nil
		}
	}
	return 0, nil
}

// checkWording validates an entry and turns it into a stored one.
func checkWording(in WordingEntry) (*store.Wording, error) {
	w := &store.Wording{Topic: strings.TrimSpace(in.Topic), Category: strings.TrimSpace(in.Category),
		Keywords: strings.TrimSpace(in.Keywords), Text: strings.TrimSpace(in.Text), Basis: strings.TrimSpace(in.Basis)}
	switch {
	case w.Topic == "":
		return nil, fieldError("topic", "wording.topic", "请填写口径的主题。")
	case len([]rune(w.Topic)) > 60:
		return nil, fieldError("topic", "wording.topic", "主题最多 60 个字。")
	case w.Text == "":
		return nil, fieldError("text", "wording.text", "请填写答复口径的原文。")
	case len([]rune(w.Text)) > 3000:
		return nil, fieldError("text", "wording.text", "口径原文最多 3000 个字。")
	case len([]rune(w.Basis)) > 1000:
		return nil, fieldError("basis", "wording.basis", "政策依据最多 1000 个字。")
	case len([]rune(w.Keywords)) > 200:
		return nil, fieldError("keywords", "wording.keywords", "关键词最多 200 个字。")
	}
	var err error
	if w.From, err = optionalDate(in.ValidFrom); err != nil {
		return nil, fieldError("validFrom", "wording.date", "生效日期格式应为 2026-03-02。")
	}
	if w.Until, err = optionalDate(in.ValidUntil); err != nil {
		return nil, fieldError("validUntil", "wording.date", "失效日期格式应为 2026-03-02。")
	}
	if w.From != 0 && w.Until != 0 && w.Until < w.From {
		return nil, fieldError("validUntil", "wording.range", "失效日期不能早于生效日期。")
	}
	return w, nil
}

func optionalDate(s string) (civil.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	return civil.Parse(s)
}

// Approve makes a draft the approved wording (the head only). The entry it
// supersedes is retired in the same save.
func (s *Wording) Approve(id uint64, rev uint64) (WordingEntry, error) {
	return s.setStatus("Wording.Approve", id, rev, store.WordingApproved)
}

// Retire takes an approved or draft entry out of use (the head only).
func (s *Wording) Retire(id uint64, rev uint64) (WordingEntry, error) {
	return s.setStatus("Wording.Retire", id, rev, store.WordingRetired)
}

func (s *Wording) setStatus(method string, id, rev uint64, to string) (WordingEntry, error) {
	act, st, err := s.gate(method)
	if err != nil {
		return WordingEntry{}, err
	}
	now := s.app.now()
	var saved *store.Wording
	err = st.Update(func(tx *store.Tx) error {
		w, err := tx.Wording(id)
		if err != nil {
			return err
		}
		if w.Rev != rev {
			return store.ErrStale
		}
		switch {
		case to == store.WordingApproved && w.Status != store.WordingDraft:
			return newError("wording.state", "只有草稿可以审核通过。")
		case to == store.WordingRetired && w.Status == store.WordingRetired:
			return newError("wording.state", "这条口径已经停用。")
		}
		w.Status = to
		action, summary := ActionWordingApprove, "审核通过口径："+clip(w.Topic, 40)
		if to == store.WordingApproved {
			w.Approver, w.Approved = act.ID, store.StampOf(now)
		} else {
			w.Retired = store.StampOf(now)
			action, summary = ActionWordingRetire, "停用口径："+clip(w.Topic, 40)
		}
		if err := tx.SaveWording(w); err != nil {
			return err
		}
		if to == store.WordingApproved && w.Supersedes != 0 {
			old, err := tx.Wording(w.Supersedes)
			if err == nil && old.Status == store.WordingApproved {
				old.Status, old.Retired = store.WordingRetired, store.StampOf(now)
				if err := tx.SaveWording(old); err != nil {
					return err
				}
			}
		}
		saved = w
		return s.audit(tx, act, action, "wording", w.ID, summary, "")
	})
	if err != nil {
		return WordingEntry{}, err
	}
	return savedWording(st, saved, civil.DateOf(now)), nil
}

// usableScripts checks the wording entries a record says it used: each must
// exist; a new record may only use entries approved and valid today. field
// is where the form shows the refusal ("scripts", CodeScripts).
func usableScripts(tx *store.Tx, ids []uint64, today civil.Date, allowOld map[uint64]bool, field string) ([]uint64, error) {
	var out []uint64
	seen := map[uint64]bool{}
	for _, id := range ids {
		if id == 0 || seen[id] {
			continue
		}
		seen[id] = true
		w, err := tx.Wording(id)
		if err != nil {
			return nil, fieldError(field, CodeScripts, "所引用的口径不存在。")
		}
		if !w.ValidOn(today) && !allowOld[id] {
			return nil, fieldError(field, CodeScripts, "口径“"+clip(w.Topic, 20)+"”未审核通过或不在有效期内，不能引用。")
		}
		out = append(out, id)
	}
	return out, nil
}
