package store

// Cases imported from an office's old ledger (docs/DOMAIN.md §16) keep the
// file's name (Case.ImportedFrom) and the fingerprint of the row they came
// from (Case.ImportKey); the index ix.import finds a row imported before,
// so the same file imported twice adds nothing. Added after schema 6
// without a migration: no case written before it was imported.
var ixImportKey = []byte("ix.import") // hmac(fingerprint) → caseID

// importKey is the index key of a fingerprint: keyed with the file's salt
// like the ID-number index, since the fingerprint is of a row holding one.
func importKey(salt []byte, fingerprint string) []byte {
	return secretKey(salt, "import", fingerprint)
}

// ImportedCase tells which case was made from the ledger row with this
// fingerprint (0: none).
func (tx *Tx) ImportedCase(fingerprint string) uint64 {
	b := tx.b(ixImportKey)
	if b == nil || fingerprint == "" {
		return 0
	}
	return getU64(b.Get(importKey(tx.s.salt, fingerprint)))
}
