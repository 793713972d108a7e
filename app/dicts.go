package app

import (
	"fmt"
	"slices"
	"strings"

	"laifang/domain/dict"
	"laifang/store"
)

// Dicts are the office's code lists (字典): channels, kinds of matter,
// content categories in two levels, reasons for not accepting, outcomes.
// An office starts with domain/dict's defaults and edits its own copy; the UI
// shows only what these return.
type Dicts struct{ svc }

// Editable lists the code lists settings may edit, in screen order. The
// others (roles, document types, disposals) are fixed by law or by the
// case state machine and only shown.
var Editable = []string{dict.Channel, dict.Type, dict.Category, dict.NotAccepted, dict.Outcome}

// DictList is one code list with whether settings may edit it, and its
// revision: a save sends back the Rev it read, and a save over someone
// else's newer one is refused (CodeStale), as for the other settings.
type DictList struct {
	dict.List
	Editable bool   `json:"editable"`
	Rev      uint64 `json:"rev"`
}

// dictList is the office's copy of a list, or the default when the office
// never saved one. Codes of the default that the stored copy lacks are
// added (a new version may bring a new code).
func dictList(tx *store.Tx, name string) (dict.List, error) {
	def, _ := dict.Default(name)
	stored, err := tx.Dict(name)
	if err != nil {
		return dict.List{}, err
	}
	if len(stored) == 0 {
		return def, nil
	}
	l := dict.List{Name: name, Label: def.Label}
	for _, e := range stored {
		l.Entries = append(l.Entries, dict.Entry{Code: e.Code, Label: e.Label, Parent: e.Parent, Sort: e.Sort, Active: e.Active})
	}
	for _, e := range def.Entries {
		if _, ok := l.Lookup(e.Code); !ok {
			l.Entries = append(l.Entries, e)
		}
	}
	sortEntries(l.Entries)
	return l, nil
}

// sortEntries orders first levels by sort, each followed by its children.
func sortEntries(es []dict.Entry) {
	top := map[string]int{}
	for _, e := range es {
		if e.Parent == "" {
			top[e.Code] = e.Sort
		}
	}
	key := func(e dict.Entry) (int, string, int) {
		if e.Parent == "" {
			return top[e.Code], e.Code, -1 << 30
		}
		return top[e.Parent], e.Parent, e.Sort
	}
	slices.SortStableFunc(es, func(a, b dict.Entry) int {
		as, ap, ac := key(a)
		bs, bp, bc := key(b)
		switch {
		case as != bs:
			return as - bs
		case ap != bp:
			return strings.Compare(ap, bp)
		}
		return ac - bc
	})
}

// List returns every code list, editable or not.
func (s *Dicts) List() ([]DictList, error) {
	_, st, err := s.gate("Dicts.List")
	if err != nil {
		return nil, err
	}
	out := []DictList{}
	err = st.View(func(tx *store.Tx) error {
		for _, def := range dict.Defaults() {
			l, err := dictList(tx, def.Name)
			if err != nil {
				return err
			}
			out = append(out, DictList{List: l, Editable: slices.Contains(Editable, def.Name), Rev: tx.DictRev(def.Name)})
		}
		return nil
	})
	return out, err
}

// Save replaces one editable list; rev is the revision it was read with
// (DictList.Rev), and a list saved by someone else since is refused
// (CodeStale), nothing written. A code once used may be on cases, so it is
// never deleted: a code left out is switched off.
func (s *Dicts) Save(l dict.List, rev uint64) (DictList, error) {
	act, st, err := s.gate("Dicts.Save", l)
	if err != nil {
		return DictList{}, err
	}
	if !slices.Contains(Editable, l.Name) {
		return DictList{}, newError(CodeBadRequest, "这个字典不能修改。")
	}
	for i := range l.Entries {
		e := &l.Entries[i]
		e.Code, e.Label, e.Parent = strings.TrimSpace(e.Code), strings.TrimSpace(e.Label), strings.TrimSpace(e.Parent)
		if len([]rune(e.Label)) > 100 {
			return DictList{}, fieldError(fmt.Sprintf("entries[%d].label", i), "dict.label", "名称不能超过 100 个字。")
		}
	}
	if l.Name != dict.Category {
		for i, e := range l.Entries {
			if e.Parent != "" {
				return DictList{}, fieldError(fmt.Sprintf("entries[%d].parent", i), "dict.parent", "这个字典只有一级。")
			}
		}
	}
	if err := l.Validate(); err != nil {
		return DictList{}, err
	}
	var out dict.List
	err = st.Update(func(tx *store.Tx) error {
		old, err := dictList(tx, l.Name)
		if err != nil {
			return err
		}
		var es []store.DictEntry
		for _, e := range l.Entries {
			es = append(es, store.DictEntry{Code: e.Code, Label: e.Label, Parent: e.Parent, Sort: e.Sort, Active: e.Active})
		}
		for _, e := range old.Entries {
			if _, kept := l.Lookup(e.Code); !kept {
				es = append(es, store.DictEntry{Code: e.Code, Label: e.Label, Parent: e.Parent, Sort: e.Sort})
			}
		}
		if rev, err = tx.UpdateDict(l.Name, rev, es); err != nil {
			return err
		}
		if out, err = dictList(tx, l.Name); err != nil {
			return err
		}
		return s.audit(tx, act, ActionDictEdit, "dict", 0, "修改字典："+out.Label, "")
	})
	if err != nil {
		return DictList{}, err
	}
	return DictList{List: out, Editable: true, Rev: rev}, nil
}

// Reset brings one editable list back to the defaults: their labels, order
// and switches; codes the office added are switched off. rev is the
// revision the list was read with, as for Save.
func (s *Dicts) Reset(name string, rev uint64) (DictList, error) {
	if _, _, err := s.gate("Dicts.Reset", named("name", name)); err != nil {
		return DictList{}, err
	}
	def, ok := dict.Default(name)
	if !ok || !slices.Contains(Editable, name) {
		return DictList{}, newError(CodeBadRequest, "这个字典不能修改。")
	}
	return s.Save(def, rev)
}
