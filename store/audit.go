package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
)

//go:generate go run github.com/tinylib/msgp@v1.6.5 -file audit.go -o audit_msgp.go -tests=false -io=false
// The records of this file are stored as MessagePack (codec.go), by
// methods msgp generates from their json tags: `go generate ./store/`.
//msgp:tag json
//msgp:replace Stamp with:int64
//msgp:ignore AuditFilter AuditPage AuditProblem AuditVerify

// Buckets of this file (created at open, listed in store.go).
var (
	bucketAudit = []byte("audit")
)

// AuditEntry is one line of the append-only audit log. Keys are sequential
// (NextSequence), entries are never rewritten or deleted, and Prev/Hash are
// there for a hash chain: each entry can seal the one before it.
type AuditEntry struct {
	V           int    `json:"v"`
	Seq         uint64 `json:"-"`
	At          Stamp  `json:"at"`
	User        uint64 `json:"u,omitempty"`
	Action      string `json:"a"`
	Entity      string `json:"e,omitempty"`
	EntityID    uint64 `json:"id,omitempty"`
	Reason      string `json:"r,omitempty"`
	Workstation string `json:"ws,omitempty"`
	Summary     string `json:"s,omitempty"` // never confidential data
	Prev        string `json:"pv,omitempty"`
	Hash        string `json:"h,omitempty"`
}

func (a *AuditEntry) setID(id uint64) { a.Seq = id }

// The audit log is append-only and hash-chained: each entry's Hash is
// SHA-256 over its sequence number, the Hash of the entry before it (Prev)
// and its own fields, so that changing, removing or reordering entries
// breaks the chain. The newest sequence number and hash are also kept in the
// meta bucket (audit.head), so that cutting entries off the end is seen too.

var metaAuditHead = []byte("audit.head") // seq(8) | hash(32)

// auditHashInput is what an entry's hash covers.
func auditHashInput(seq uint64, a *AuditEntry) ([]byte, error) {
	c := *a
	c.Prev, c.Hash = "", ""
	js, err := json.Marshal(&c)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.WriteString("laifang-audit-v1\n")
	buf.WriteString(strconv.FormatUint(seq, 10))
	buf.WriteByte('\n')
	buf.WriteString(a.Prev)
	buf.WriteByte('\n')
	buf.Write(js)
	return buf.Bytes(), nil
}

// auditHash is the hash an entry with sequence number seq should carry.
func auditHash(seq uint64, a *AuditEntry) (string, error) {
	in, err := auditHashInput(seq, a)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(in)
	return hex.EncodeToString(sum[:]), nil
}

// AppendAudit adds an entry at the end of the audit log, sealed to the one
// before it. Entries are never changed or removed; their keys are
// sequential.
func (tx *Tx) AppendAudit(a *AuditEntry) error {
	if err := tx.writable(); err != nil {
		return err
	}
	b := tx.b(bucketAudit)
	prev := ""
	if k, v := b.Cursor().Last(); k != nil {
		// The head in meta holds the last entry's hash: reading it spares
		// inflating and decoding the entry on every save. Only when it
		// names that entry; otherwise (a file without a head, a damaged
		// log) the entry itself says.
		if head := tx.b(bucketMeta).Get(metaAuditHead); len(head) == 8+sha256.Size && getU64(head) == getU64(k) {
			prev = hex.EncodeToString(head[8:])
		} else {
			last, err := decodeRecord[AuditEntry](getU64(k), v)
			if err != nil {
				return err
			}
			prev = last.Hash
		}
	}
	seq, err := nextID(b)
	if err != nil {
		return err
	}
	a.Seq, a.V, a.Prev, a.Hash = seq, recordVersion, prev, ""
	if a.At == 0 {
		a.At = StampOf(tx.now)
	}
	if a.Hash, err = auditHash(seq, a); err != nil {
		return err
	}
	raw, err := tx.encode(a)
	if err != nil {
		return err
	}
	if err := tx.putJSON(b, u64(seq), raw); err != nil {
		return err
	}
	h, _ := hex.DecodeString(a.Hash)
	return tx.b(bucketMeta).Put(metaAuditHead, cat(u64(seq), h))
}

// AppendAudit writes one audit entry in its own transaction.
func (s *Store) AppendAudit(a *AuditEntry) error {
	return s.Update(func(tx *Tx) error { return tx.AppendAudit(a) })
}

// LastAudit is the newest audit entry, or ErrNotFound.
func (tx *Tx) LastAudit() (*AuditEntry, error) {
	k, v := tx.b(bucketAudit).Cursor().Last()
	if k == nil {
		return nil, ErrNotFound
	}
	return decodeRecord[AuditEntry](getU64(k), v)
}

// Audit lists audit entries after seq, oldest first, at most limit.
func (tx *Tx) Audit(after uint64, limit int) ([]AuditEntry, error) {
	return listRecords[AuditEntry](tx.b(bucketAudit), after, limit)
}

// AuditFilter selects audit entries for the viewer.
type AuditFilter struct {
	User   uint64 // 0: anyone
	Action string // "": any
	From   Stamp  // inclusive; 0: open
	To     Stamp  // exclusive; 0: open
	Before uint64 // entries with a smaller sequence number; 0: from the newest
	Limit  int    // default 100
}

// AuditPage is one page of the viewer, newest first. More tells that older
// matching entries exist: ask again with Before set to the last Seq.
type AuditPage struct {
	Entries []AuditEntry
	More    bool
}

// FindAudit lists matching entries, newest first. The log is in time order,
// so a date range is a seek, not a scan of everything.
func (tx *Tx) FindAudit(f AuditFilter) (*AuditPage, error) {
	limit := f.Limit
	if limit <= 0 {
		limit = 100
	}
	out := &AuditPage{}
	c := tx.b(bucketAudit).Cursor()
	var k, v []byte
	if f.Before > 0 {
		k, v = c.Seek(u64(f.Before))
		if k != nil {
			k, v = c.Prev()
		} else {
			k, v = c.Last()
		}
	} else {
		k, v = c.Last()
	}
	if f.To != 0 {
		// Skip, newest first, what is after the range (entries are in time
		// order, near enough: a clock set back may interleave a few).
		for ; k != nil; k, v = c.Prev() {
			e, err := decodeRecord[AuditEntry](getU64(k), v)
			if err != nil {
				return nil, err
			}
			if e.At < f.To {
				break
			}
		}
	}
	for ; k != nil; k, v = c.Prev() {
		e, err := decodeRecord[AuditEntry](getU64(k), v)
		if err != nil {
			return nil, err
		}
		if f.From != 0 && e.At < f.From {
			break
		}
		if (f.To != 0 && e.At >= f.To) || (f.User != 0 && e.User != f.User) || (f.Action != "" && e.Action != f.Action) {
			continue
		}
		if len(out.Entries) == limit {
			out.More = true
			break
		}
		out.Entries = append(out.Entries, *e)
	}
	return out, nil
}

// FindAudit is Tx.FindAudit in its own read transaction.
func (s *Store) FindAudit(f AuditFilter) (p *AuditPage, err error) {
	err = s.View(func(tx *Tx) error { p, err = tx.FindAudit(f); return err })
	return p, err
}

// Kinds of AuditProblem.
const (
	AuditChanged   = "changed"   // an entry's content no longer matches its hash
	AuditRemoved   = "removed"   // entries are missing (a gap, or cut off the end)
	AuditReordered = "reordered" // an entry is not where it was written
	AuditDamaged   = "damaged"   // an entry cannot be read at all
)

// AuditProblem is one break in the chain.
type AuditProblem struct {
	Seq    uint64 // the entry where the break shows
	Kind   string
	Detail string // Chinese, for the terminal and the viewer
}

// AuditVerify is what VerifyAudit found.
type AuditVerify struct {
	Entries  int
	Last     uint64
	Problems []AuditProblem
	// Head is the chain's newest entry, for the head of office to note;
	// Anchors are the heads the copies left outside the file (anchor.go),
	// each compared with the log.
	Head    AuditHead
	Anchors []AnchorCheck
}

// OK tells whether the chain is unbroken.
func (r *AuditVerify) OK() bool { return len(r.Problems) == 0 }

// VerifyAudit walks the whole log and reports every entry changed, removed
// or reordered since it was written, then compares it with the anchors in
// the backup folder and in anchorFiles (anchor.go): a log rewritten as a
// whole holds together, but no longer matches the heads noted outside it.
// The first anchor that disagrees is named.
func (s *Store) VerifyAudit(anchorFiles ...string) (r *AuditVerify, err error) {
	anchors, err := s.Anchors(anchorFiles...)
	if err != nil {
		return nil, err
	}
	err = s.View(func(tx *Tx) error {
		if r, err = tx.VerifyAudit(); err != nil {
			return err
		}
		r.Head, _ = tx.AuditHead() // a damaged last entry is the chain's to report
		if r.Anchors, err = tx.CheckAnchors(anchors); err != nil {
			return err
		}
		for _, c := range r.Anchors {
			if c.Failed() {
				kind := map[string]string{AnchorShort: AuditRemoved, AnchorRewritten: AuditChanged}[c.Status]
				if kind == "" {
					kind = AuditDamaged
				}
				r.add(c.Count, kind, c.Detail)
				break
			}
		}
		return nil
	})
	return r, err
}

// VerifyAudit is Store.VerifyAudit inside a transaction.
func (tx *Tx) VerifyAudit() (*AuditVerify, error) {
	r := &AuditVerify{}
	b := tx.b(bucketAudit)
	// Every hash that was written, to tell a reordered entry (its Prev is
	// some other entry's hash) from a removed one.
	bySeqHash := map[string]uint64{}
	var entries []*AuditEntry
	err := b.ForEach(func(k, v []byte) error {
		seq := getU64(k)
		e, err := decodeRecord[AuditEntry](seq, v)
		if err != nil {
			r.Problems = append(r.Problems, AuditProblem{Seq: seq, Kind: AuditDamaged, Detail: "记录无法读取"})
			return nil
		}
		entries = append(entries, e)
		if e.Hash != "" {
			bySeqHash[e.Hash] = seq
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	r.Entries = len(entries)
	var prevSeq uint64
	prevHash := ""
	scans := 0
	for _, e := range entries {
		want, err := auditHash(e.Seq, e)
		if err != nil {
			return nil, err
		}
		switch {
		case e.Hash != want:
			// The sequence number is hashed: an entry moved to another key
			// still seals where it was written. Look for that place near by.
			if orig := tx.sealedAt(e, &scans); orig != 0 {
				r.add(e.Seq, AuditReordered, fmt.Sprintf("顺序被调换：这条记录原本是第 %d 条", orig))
			} else {
				r.add(e.Seq, AuditChanged, "内容与写入时不一致（被修改）")
			}
		case e.Prev != prevHash:
			if other, ok := bySeqHash[e.Prev]; ok && e.Prev != "" {
				r.add(e.Seq, AuditReordered, fmt.Sprintf("顺序被调换：它原本接在第 %d 条之后", other))
			} else if e.Seq > prevSeq+1 {
				r.add(e.Seq, AuditRemoved, fmt.Sprintf("第 %d 条之前缺少 %d 条记录（被删除）", e.Seq, e.Seq-prevSeq-1))
			} else {
				r.add(e.Seq, AuditRemoved, "与前一条记录接不上（之前的记录被删除或替换）")
			}
		case e.Seq != prevSeq+1:
			r.add(e.Seq, AuditRemoved, fmt.Sprintf("第 %d 条之前缺少 %d 条记录（被删除）", e.Seq, e.Seq-prevSeq-1))
		}
		prevSeq, prevHash = e.Seq, e.Hash
	}
	r.Last = prevSeq
	// The head kept in meta: entries cut off the end, or a log replaced.
	if head := tx.b(bucketMeta).Get(metaAuditHead); head != nil {
		headSeq := getU64(head)
		headHash := hex.EncodeToString(head[8:])
		switch {
		case headSeq > prevSeq:
			r.add(headSeq, AuditRemoved, fmt.Sprintf("最后 %d 条记录（第 %d 至 %d 条）被删除", headSeq-prevSeq, prevSeq+1, headSeq))
		case headSeq == prevSeq && headHash != prevHash:
			r.add(headSeq, AuditChanged, "最后一条记录与写入时不一致")
		case headSeq < prevSeq:
			r.add(prevSeq, AuditChanged, fmt.Sprintf("第 %d 条之后的记录不是由本程序写入的", headSeq))
		}
	} else if len(entries) > 0 {
		r.add(prevSeq, AuditRemoved, "审计日志的链头记录缺失")
	}
	return r, nil
}

func (r *AuditVerify) add(seq uint64, kind, detail string) {
	r.Problems = append(r.Problems, AuditProblem{Seq: seq, Kind: kind, Detail: detail})
}

// sealedAt finds the sequence number an entry was sealed with, within a
// window around where it sits now; 0 when none (its content changed). At
// most 100 entries are looked for, so a log damaged everywhere still
// verifies quickly.
func (tx *Tx) sealedAt(e *AuditEntry, scans *int) uint64 {
	if e.Hash == "" || *scans >= 100 {
		return 0
	}
	*scans++
	lo := uint64(1)
	if e.Seq > 1000 {
		lo = e.Seq - 1000
	}
	for s := lo; s <= e.Seq+1000; s++ {
		if s == e.Seq {
			continue
		}
		if h, err := auditHash(s, e); err == nil && h == e.Hash {
			return s
		}
	}
	return 0
}
