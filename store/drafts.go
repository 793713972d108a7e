package store

import "fmt"

// Drafts: what a user was typing into a form (the intake form), kept in
// the data file so that it survives a crash, a closed window or a browser
// whose storage was cleared. One draft per user and form; the value is
// the UI's own JSON, opaque here.
//
// They live in the settings bucket under their own prefix rather than in
// a bucket of their own: a new bucket would make every older file (and
// every older backup that restore checks read-only) need an upgrade.

// MaxDraft bounds a draft's size; a form is a few kilobytes.
const MaxDraft = 256 << 10

func draftKey(user uint64, form string) []byte {
	return cat([]byte("draft\x00"+form+"\x00"), u64(user))
}

// PutDraft keeps a user's draft of a form; an empty text removes it.
func (tx *Tx) PutDraft(user uint64, form, text string) error {
	if err := tx.writable(); err != nil {
		return err
	}
	if len(text) > MaxDraft {
		return fmt.Errorf("store: draft of %d bytes is too large", len(text))
	}
	b := tx.b(bucketSettings)
	if text == "" {
		return b.Delete(draftKey(user, form))
	}
	return b.Put(draftKey(user, form), squeeze([]byte(text)))
}

// Draft reads a user's draft of a form ("" when there is none).
func (tx *Tx) Draft(user uint64, form string) (string, error) {
	raw := tx.b(bucketSettings).Get(draftKey(user, form))
	if raw == nil {
		return "", nil
	}
	js, err := unsqueeze(raw)
	if err != nil {
		return "", fmt.Errorf("store: draft is damaged: %w", err)
	}
	return string(js), nil
}
