package app

// The letters' settings: versioned templates, the print layout and the
// 文号 patterns (docs/DOMAIN.md §12.1).

import (
	"fmt"
	"slices"
	"strings"

	"laifang/domain/letter"
	"laifang/store"
)

// Templates lists every kind's template in force.
func (l *Letters) Templates() ([]TemplateView, error) {
	_, st, err := l.gate("Letters.Templates")
	if err != nil {
		return nil, err
	}
	var out []TemplateView
	err = st.View(func(tx *store.Tx) error {
		cur, err := tx.CurrentTemplates()
		if err != nil {
			return err
		}
		names := userNames(tx)
		for _, k := range letter.Kinds {
			out = append(out, templateView(k, cur[k.Key], names))
		}
		return nil
	})
	return out, err
}

// Template reads a kind's template in force.
func (l *Letters) Template(kind string) (TemplateView, error) {
	_, st, err := l.gate("Letters.Template", named("kind", kind))
	if err != nil {
		return TemplateView{}, err
	}
	k, err := kindOf(kind)
	if err != nil {
		return TemplateView{}, err
	}
	var out TemplateView
	err = st.View(func(tx *store.Tx) error {
		cur, err := tx.CurrentTemplates()
		if err != nil {
			return err
		}
		out = templateView(k, cur[k.Key], userNames(tx))
		return nil
	})
	return out, err
}

// templateView is a kind's template: t, or the built-in text (version 0)
// when the office never saved one.
func templateView(k letter.Kind, t *store.Template, names map[uint64]string) TemplateView {
	if t == nil {
		return TemplateView{Kind: k.Key, Label: k.Label, Body: letter.Builtin(k.Key), Builtin: true}
	}
	v := TemplateView{Kind: k.Key, Label: k.Label, Version: t.Version, Body: t.Body, Builtin: t.Builtin,
		UpdatedBy: names[t.By]}
	if t.At != 0 {
		v.UpdatedAt = t.At.Time().Local().Format("2006-01-02 15:04")
	}
	return v
}

// SaveTemplate saves a kind's template as a new version; rev is the
// version the editor opened (refused when someone saved a newer one). A
// placeholder that is not in the list is refused, naming it and its line.
func (l *Letters) SaveTemplate(kind, body string, rev int) (TemplateView, error) {
	act, st, err := l.gate("Letters.SaveTemplate", named("kind", kind), named("body", body))
	if err != nil {
		return TemplateView{}, err
	}
	k, err := kindOf(kind)
	if err != nil {
		return TemplateView{}, err
	}
	body = strings.TrimSpace(strings.ReplaceAll(body, "\r\n", "\n"))
	if _, err := letter.Parse(k.Form, body); err != nil {
		return TemplateView{}, err
	}
	return l.saveTemplate(act, st, k, &store.Template{DocType: k.Key, Name: k.Label, Body: body}, rev, "修改")
}

// ResetTemplate puts the built-in text back, as a new version.
func (l *Letters) ResetTemplate(kind string) (TemplateView, error) {
	act, st, err := l.gate("Letters.ResetTemplate", named("kind", kind))
	if err != nil {
		return TemplateView{}, err
	}
	k, err := kindOf(kind)
	if err != nil {
		return TemplateView{}, err
	}
	t := &store.Template{DocType: k.Key, Name: k.Label, Body: letter.Builtin(k.Key), Builtin: true}
	return l.saveTemplate(act, st, k, t, -1, "恢复默认")
}

// saveTemplate adds t as the next version (rev -1: over whatever is in
// force).
func (l *Letters) saveTemplate(act *Actor, st *store.Store, k letter.Kind, t *store.Template, rev int, verb string) (TemplateView, error) {
	var out TemplateView
	err := st.Update(func(tx *store.Tx) error {
		if rev < 0 {
			cur, err := tx.CurrentTemplates()
			if err != nil {
				return err
			}
			rev = 0
			if c, ok := cur[k.Key]; ok {
				rev = c.Version
			}
		}
		t.By = act.ID
		if err := tx.AddTemplateVersion(t, rev); err != nil {
			return err
		}
		out = templateView(k, t, userNames(tx))
		return l.audit(tx, act, ActionLetterTemplate, "template", t.ID,
			fmt.Sprintf("%s文书模板：%s（第 %d 版）", verb, k.Label, t.Version), "")
	})
	return out, err
}

// Default print layout: the pre-printed header reaches this far down.
const defaultHeaderMM = 80

// Layout reads the print layout.
func (l *Letters) Layout() (LetterLayout, error) {
	_, st, err := l.gate("Letters.Layout")
	if err != nil {
		return LetterLayout{}, err
	}
	set, err := st.Settings()
	if err != nil {
		return LetterLayout{}, err
	}
	return layoutOf(set), nil
}

func layoutOf(set *store.Settings) LetterLayout {
	out := LetterLayout{HeaderMM: defaultHeaderMM, OrgName: set.OrgName}
	if ly := set.LetterLayout; ly != nil {
		out.Letterhead, out.OffsetXMM, out.OffsetYMM = ly.Letterhead, ly.OffsetXMM, ly.OffsetYMM
		if ly.HeaderMM > 0 {
			out.HeaderMM = ly.HeaderMM
		}
		if ly.OrgName != "" {
			out.OrgName = ly.OrgName
		}
	}
	return out
}

// SaveLayout saves the print layout: offsets -10..10 mm, the letterhead's
// header 20..200 mm, the issuer mark at most 50 characters.
func (l *Letters) SaveLayout(in LetterLayout) (LetterLayout, error) {
	act, st, err := l.gate("Letters.SaveLayout", in)
	if err != nil {
		return LetterLayout{}, err
	}
	in.OrgName = strings.TrimSpace(in.OrgName)
	var is issues
	for _, o := range []struct {
		field string
		v     float64
	}{{"offsetXMM", in.OffsetXMM}, {"offsetYMM", in.OffsetYMM}} {
		if o.v < -10 || o.v > 10 || o.v != o.v {
			is.err(o.field, CodeLetterLayout, "打印偏移应在 -10 至 10 毫米之间。")
		}
	}
	if in.HeaderMM < 20 || in.HeaderMM > 200 || in.HeaderMM != in.HeaderMM {
		is.err("headerMM", CodeLetterLayout, "版头高度应在 20 至 200 毫米之间。")
	}
	checkLen(&is, "orgName", "发文机关标志", in.OrgName, 50)
	if len(is.errs) > 0 {
		return LetterLayout{}, invalid(is.errs)
	}
	var out LetterLayout
	err = st.Update(func(tx *store.Tx) error {
		set, err := tx.Settings()
		if err != nil {
			return err
		}
		set.LetterLayout = &store.LetterLayout{Letterhead: in.Letterhead, HeaderMM: in.HeaderMM,
			OffsetXMM: in.OffsetXMM, OffsetYMM: in.OffsetYMM}
		if in.OrgName != set.OrgName {
			set.LetterLayout.OrgName = in.OrgName
		}
		if err := tx.SaveSettings(set); err != nil {
			return err
		}
		out = layoutOf(set)
		return l.audit(tx, act, ActionSettingsEdit, "settings", 0, "修改文书打印版式", "")
	})
	return out, err
}

// NumberPatterns lists every kind's 文号 pattern with an example.
func (l *Letters) NumberPatterns() ([]NumberPattern, error) {
	_, st, err := l.gate("Letters.NumberPatterns")
	if err != nil {
		return nil, err
	}
	set, err := st.Settings()
	if err != nil {
		return nil, err
	}
	return numberPatterns(set, l.app.now().Year()), nil
}

func numberPatterns(set *store.Settings, year int) []NumberPattern {
	out := make([]NumberPattern, len(letter.Kinds))
	for i, k := range letter.Kinds {
		p := set.DocNoPatterns[k.Key]
		if p == "" {
			p = letter.DefaultPattern(k)
		}
		out[i] = NumberPattern{Kind: k.Key, Label: k.Label, Pattern: p, Example: letter.Format(p, set.OrgCode, year, 12)}
	}
	return out
}

// SaveNumberPatterns saves the patterns given (the others stay): each must
// make a proper 文号, and no two kinds may share one.
func (l *Letters) SaveNumberPatterns(in []NumberPattern) ([]NumberPattern, error) {
	act, st, err := l.gate("Letters.SaveNumberPatterns", in)
	if err != nil {
		return nil, err
	}
	var is issues
	for i := range in {
		in[i].Pattern = strings.TrimSpace(in[i].Pattern)
		field := fmt.Sprintf("[%d].pattern", i)
		if _, err := kindOf(in[i].Kind); err != nil {
			is.err(fmt.Sprintf("[%d].kind", i), CodeLetterKind, "没有这种文书。")
			continue
		}
		if err := letter.CheckPattern(in[i].Pattern); err != nil {
			is.coded(field, err)
		}
	}
	if len(is.errs) > 0 {
		return nil, invalid(is.errs)
	}
	var out []NumberPattern
	err = st.Update(func(tx *store.Tx) error {
		set, err := tx.Settings()
		if err != nil {
			return err
		}
		ps := map[string]string{}
		for k, v := range set.DocNoPatterns {
			if _, ok := letter.KindOf(k); ok {
				ps[k] = v
			}
		}
		for _, p := range in {
			ps[p.Kind] = p.Pattern
		}
		// two kinds with one pattern would give one number twice
		seen := map[string]string{}
		for _, k := range letter.Kinds {
			p := ps[k.Key]
			if p == "" {
				p = letter.DefaultPattern(k)
			}
			if other, ok := seen[p]; ok {
				i := slices.IndexFunc(in, func(x NumberPattern) bool { return x.Kind == k.Key || x.Kind == other })
				return fieldError(fmt.Sprintf("[%d].pattern", max(i, 0)), letter.CodePattern,
					"“"+k.Label+"”与另一种文书的文号格式相同，文号会重复，请加以区分。")
			}
			seen[p] = k.Key
		}
		set.DocNoPatterns = ps
		if err := tx.SaveSettings(set); err != nil {
			return err
		}
		out = numberPatterns(set, l.app.now().Year())
		return l.audit(tx, act, ActionSettingsEdit, "settings", 0, "修改文书文号格式", "")
	})
	return out, err
}
