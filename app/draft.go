package app

import (
	"strings"

	"laifang/store"
)

// The draft of the intake form, kept per user in the data file so it
// survives a crash or a closed window whatever the WebView keeps.
const draftIntake = "intake"

// Draft returns the signed-in user's draft of the intake form ("" when
// there is none).
func (s *Visits) Draft() (string, error) {
	act, st, err := s.gate("Visits.Draft")
	if err != nil {
		return "", err
	}
	var text string
	err = st.View(func(tx *store.Tx) error {
		text, err = tx.Draft(act.ID, draftIntake)
		return err
	})
	return text, err
}

// SaveDraft keeps the draft (the UI's JSON of the form); "" discards it.
// Not audited: it is the clerk's own unfinished typing, and the saves come
// every few seconds.
func (s *Visits) SaveDraft(text string) error {
	act, st, err := s.gate("Visits.SaveDraft", named("text", text))
	if err != nil {
		return err
	}
	if len(text) > store.MaxDraft {
		return newError(CodeBadRequest, "草稿过大，未能保存。")
	}
	if strings.TrimSpace(text) == "" {
		text = ""
	}
	return st.Update(func(tx *store.Tx) error { return tx.PutDraft(act.ID, draftIntake, text) })
}
