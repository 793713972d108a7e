package app

import (
	"sort"
	"strings"

	"laifang/domain/idcard"
	"laifang/domain/phone"
	"laifang/store"
)

// Repeat is the repeat-visitor panel (前后口径一致): while the clerk types
// an intake, the person's earlier cases and the cases with similar text,
// with what was decided and the exact words of the last reply, so that the
// answer today is the answer given before. It is a read called at every
// pause in typing: permission-checked, never audited.
type Repeat struct{ svc }

// RepeatQuery is what the intake form holds so far. Any part may be empty
// or partial: an ID number or phone is matched only once complete, a name
// by its first two characters or more.
type RepeatQuery struct {
	IDType   string `json:"idType"`
	IDNumber string `json:"idNumber"`
	Phone    string `json:"phone"`
	Name     string `json:"name"`
	Text     string `json:"text"` // the request, facts and reasons as typed
	Limit    int    `json:"limit"`
}

// RepeatPanel is the panel's content.
type RepeatPanel struct {
	People []PersonView `json:"people"` // who the ID, phone or name found (masked)
	Cases  []RepeatCase `json:"cases"`  // newest first
	Terms  []string     `json:"terms"`  // the distinctive terms the text was matched by
}

// RepeatCase is one earlier case.
type RepeatCase struct {
	ID           uint64 `json:"id"`
	No           string `json:"no"`
	Received     string `json:"received"` // YYYY-MM-DD
	Title        string `json:"title"`
	Type         string `json:"type"`
	Status       string `json:"status"`
	StatusLabel  string `json:"statusLabel"`
	Disposal     string `json:"disposal"`
	Outcome      string `json:"outcome"`
	Reply        string `json:"reply"`       // the last reply, word for word
	ReplyDate    string `json:"replyDate"`   // YYYY-MM-DD, when known
	ReplySource  string `json:"replySource"` // reply (timeline), letter, case, record (explained at a visit)
	ReplyLetter  string `json:"replyLetter"` // the letter's 文号, when from a letter
	Visits       int    `json:"visits"`
	Petitioner   string `json:"petitioner"` // masked per role
	Confidential bool   `json:"confidential"`
	ByPerson     bool   `json:"byPerson"` // one of the found people is on it
	// PersonMatch is how that person matched (Match* of repeatMatch):
	// "self" (本人) only when the whole name typed is his and so is the ID
	// number or phone typed; "idNumber", "phone" when only that matched;
	// "name" when only the name, in whole or in part.
	PersonMatch string `json:"personMatch"`
	BySimilar   bool   `json:"bySimilar"`
	// Preselect: a match strong enough for the panel to select it before
	// the clerk does (Alt+L then links to it): the person himself, his ID
	// number typed before a name (strongPerson), or a text sharing most of
	// the distinctive terms (strongSimilar).
	Preselect bool         `json:"preselect"`
	Scripts   []WordingRef `json:"scripts"` // wording entries its records used
}

// WordingRef names a wording-library entry.
type WordingRef struct {
	ID     uint64 `json:"id"`
	Topic  string `json:"topic"`
	Status string `json:"status"`
}

// Panel answers what the intake form holds so far.
func (s *Repeat) Panel(q RepeatQuery) (RepeatPanel, error) {
	act, st, err := s.gate("Repeat.Panel", q)
	if err != nil {
		return RepeatPanel{}, err
	}
	return s.panel(act, st, q)
}

const (
	repeatPersonCases = 10 // of each person found
	repeatSimilar     = 8
	repeatPeople      = 5
)

func (s *Repeat) panel(act *Actor, st *store.Store, q RepeatQuery) (RepeatPanel, error) {
	out := RepeatPanel{People: []PersonView{}, Cases: []RepeatCase{}, Terms: []string{}}
	limit := q.Limit
	if limit <= 0 || limit > 30 {
		limit = 12
	}
	err := st.View(func(tx *store.Tx) error {
		people, err := repeatPeopleOf(tx, q)
		if err != nil {
			return err
		}
		found := map[uint64]*RepeatCase{}
		cases := map[uint64]*store.Case{}
		var order []uint64
		add := func(id uint64) (*RepeatCase, *store.Case, error) {
			if rc, ok := found[id]; ok {
				return rc, cases[id], nil
			}
			c, err := tx.Case(id)
			if err != nil {
				return nil, nil, err
			}
			rc := &RepeatCase{ID: id}
			found[id], cases[id] = rc, c
			order = append(order, id)
			return rc, c, nil
		}
		shown := map[uint64]bool{}
		for i := range people {
			p, how := &people[i].Person, people[i].how
			identified := false
			for _, pc := range mustCases(tx, p.ID) {
				c := pc
				// The link of a confidential case to the person typed is
				// itself the whistle-blower's identity: only a session that
				// may identify them sees it.
				if !s.mayIdentify(act, &c) || !caseVisible(tx, act, c.ID) {
					continue
				}
				identified = true
				rc, _, err := add(c.ID)
				if err != nil {
					return err
				}
				rc.ByPerson = true
				if rc.PersonMatch == "" || how == PersonSelf {
					rc.PersonMatch = how
				}
				rc.Preselect = rc.Preselect || strongPerson(how, q.Name)
			}
			if identified && !shown[p.ID] {
				shown[p.ID] = true
				out.People = append(out.People, s.personView(act, nil, p, false))
			}
		}
		if strings.TrimSpace(q.Text) != "" {
			// Similar text is a search: a session without the grant finds
			// no confidential case by its words (hideFromSearch).
			var hide store.Query
			hideFromSearch(act, &hide)
			hits, terms, err := tx.Similar(q.Text, 8, repeatSimilar, hide)
			if err != nil {
				return err
			}
			out.Terms = append(out.Terms, terms...)
			for _, h := range hits {
				if !caseVisible(tx, act, h.ID) {
					continue
				}
				rc, _, err := add(h.ID)
				if err != nil {
					return err
				}
				rc.BySimilar = true
				rc.Preselect = rc.Preselect || strongSimilar(h, len(terms))
			}
		}
		sort.Slice(order, func(i, j int) bool { return order[i] > order[j] })
		if len(order) > limit {
			order = order[:limit]
		}
		for _, id := range order {
			rc, c := found[id], cases[id]
			if err := s.fillRepeatCase(tx, act, rc, c); err != nil {
				return err
			}
			out.Cases = append(out.Cases, *rc)
		}
		return nil
	})
	return out, err
}

// mustCases lists a person's cases, newest first; a damaged link is
// skipped rather than failing the panel.
func mustCases(tx *store.Tx, personID uint64) []store.Case {
	cs, err := tx.PersonCases(personID, repeatPersonCases)
	if err != nil {
		return nil
	}
	return cs
}

// How a person matched the form (RepeatCase.PersonMatch).
const (
	PersonSelf     = "self"
	PersonIDNumber = "idNumber"
	PersonPhone    = "phone"
	PersonName     = "name"
)

// foundPerson is a person the form names and how.
type foundPerson struct {
	store.Person
	how string
}

// strongPerson tells a person match worth selecting before the clerk
// does: the person himself (本人), or his ID number typed before any name
// (the card read first); a name that is not his, or a phone alone (shared
// in a family), is shown, never chosen.
func strongPerson(how, typedName string) bool {
	return how == PersonSelf || how == PersonIDNumber && store.NormalizeName(typedName) == ""
}

// strongSimilar tells a similar case worth selecting before the clerk
// does: it holds at least three of the distinctive terms and two thirds
// of them. Below that a case is shown, never chosen.
func strongSimilar(h store.SimilarHit, terms int) bool {
	return h.Matched >= 3 && h.Matched*3 >= terms*2
}

// repeatPeopleOf finds the people the query names: by a complete ID number
// and by a complete phone number (exact, through the hashed indexes), and
// by a name of two characters or more when neither found anyone. A person
// is the one typed (PersonSelf, 本人) only when his whole name is the name
// typed and the ID number or phone typed is his.
func repeatPeopleOf(tx *store.Tx, q RepeatQuery) ([]foundPerson, error) {
	var out []foundPerson
	at := map[uint64]int{}
	name := store.NormalizeName(strings.TrimSpace(q.Name))
	take := func(ps []store.Person, how string) {
		for _, p := range ps {
			how := how
			if how != PersonName && name != "" && store.NormalizeName(p.Name) == name {
				how = PersonSelf
			}
			if i, ok := at[p.ID]; ok {
				if how == PersonSelf {
					out[i].how = how
				}
				continue
			}
			if len(out) < repeatPeople {
				at[p.ID] = len(out)
				out = append(out, foundPerson{p, how})
			}
		}
	}
	if n := idcard.Normalize(q.IDNumber); len(n) >= 15 {
		ps, err := tx.FindPeople(store.PersonQuery{IDType: storeIDType(q.IDType), IDNumber: n, Limit: repeatPeople})
		if err != nil {
			return nil, err
		}
		take(ps, PersonIDNumber)
	}
	if n := phone.Key(q.Phone); len(n) >= 7 {
		ps, err := tx.FindPeople(store.PersonQuery{Phone: q.Phone, Limit: repeatPeople})
		if err != nil {
			return nil, err
		}
		take(ps, PersonPhone)
	}
	if len(out) == 0 {
		if len([]rune(name)) >= 2 {
			ps, err := tx.FindPeople(store.PersonQuery{Name: q.Name, Limit: repeatPeople})
			if err != nil {
				return nil, err
			}
			take(ps, PersonName)
		}
	}
	return out, nil
}

// fillRepeatCase completes a panel row from the case, its timeline and its
// letters.
func (s *Repeat) fillRepeatCase(tx *store.Tx, act *Actor, rc *RepeatCase, c *store.Case) error {
	identified := s.mayIdentify(act, c)
	rc.No, rc.Title, rc.Type = c.No, caseText(identified, c.Title), c.Type
	rc.Received = c.Received.Date().String()
	rc.Status, rc.StatusLabel = c.Status, statusLabel(c.Status)
	rc.Disposal, rc.Outcome, rc.Visits = c.Disposal, c.Outcome, c.Visits
	rc.Confidential = IsConfidential(c)
	rc.Scripts = []WordingRef{}
	if rc.Visits == 0 {
		rc.Visits = 1
	}
	if pid := c.MainPetitioner(); pid != 0 {
		if identified {
			if p, err := tx.Person(pid); err == nil && !p.Anonymous {
				rc.Petitioner = p.Name
			}
		} else {
			rc.Petitioner = Hidden
		}
	}
	events, err := tx.Events(c.ID)
	if err != nil {
		return err
	}
	// The last reply: a reply on the timeline, else the reply letter's
	// text, else the reply summary on the case, else what the clerk
	// explained at the last visit (a matter answered on the spot has
	// nothing else), from the latest version of its record.
	var replyAt, explainedAt store.Stamp
	var explained string
	corrected := map[uint64]bool{}
	for _, e := range events {
		if e.Corrects != 0 {
			corrected[e.Corrects] = true
		}
	}
	seenScript := map[uint64]bool{}
	for i := len(events) - 1; i >= 0; i-- {
		e := &events[i]
		if e.Record != nil && !corrected[e.ID] && explained == "" && strings.TrimSpace(e.Record.Explanations) != "" {
			explained, explainedAt = e.Record.Explanations, e.At
		}
		if e.Kind == store.EventReply && strings.TrimSpace(e.Text) != "" && rc.Reply == "" {
			rc.Reply, rc.ReplySource, replyAt = e.Text, "reply", e.At
		}
		if e.Record != nil {
			for _, id := range e.Record.Scripts {
				if seenScript[id] {
					continue
				}
				seenScript[id] = true
				ref := WordingRef{ID: id}
				if w, err := tx.Wording(id); err == nil {
					ref.Topic, ref.Status = w.Topic, w.Status
				}
				rc.Scripts = append(rc.Scripts, ref)
			}
		}
	}
	if rc.Reply == "" && c.ReplyLetter != 0 {
		if l, err := tx.Letter(c.ReplyLetter); err == nil && strings.TrimSpace(l.Body) != "" {
			rc.Reply, rc.ReplySource, rc.ReplyLetter = l.Body, "letter", l.No
			rc.ReplyDate = l.Issued.String()
		}
	}
	if rc.Reply == "" && c.Reply != "" {
		rc.Reply, rc.ReplySource = c.Reply, "case"
		rc.ReplyDate = c.Served.String()
	}
	if rc.Reply == "" && explained != "" {
		rc.Reply, rc.ReplySource, replyAt = explained, "record", explainedAt
	}
	if replyAt != 0 {
		rc.ReplyDate = replyAt.Date().String()
	}
	rc.Reply = caseText(identified, rc.Reply)
	return nil
}
