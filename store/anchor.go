package store

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// The audit chain proves nothing about a file rewritten as a whole: whoever
// changes an entry and seals every later one again, cuts the tail and moves
// the head back, or empties the log, leaves a chain that holds together.
// Each copy therefore writes the chain's head (how many entries, the hash of
// the last) to a text file in the folder of the copy, outside the data file;
// the head of office also notes it on paper from the audit screen. Verify
// compares the log with every such anchor: an entry the anchor names must
// still be there with the same hash, which the chain extends to every entry
// before it.

// AnchorFileName is the text file beside the copies that holds one line per
// copy.
const AnchorFileName = "laifang-audit-anchors.txt"

const anchorHeader = `# 来访接待系统审计日志锚点：每做一次备份追加一行，请勿编辑。
# 各列为：时间、审计日志条数、最后一条的哈希（SHA-256）、备份文件。
# 审计日志若被改写、截断或清空，“laifang audit verify”和“设置 → 审计日志”据此发现。
`

const anchorTime = "2006-01-02 15:04:05 -0700"

// ErrAnchor means a copy was made but its anchor line could not be written.
var ErrAnchor = errors.New("store: the audit anchor could not be written")

// AuditHead is the newest entry of the chain: how many entries were written
// and the hash of the last (empty for an empty log).
type AuditHead struct {
	Count uint64
	Hash  string
}

// Anchor is one line of an anchor file: the head as a copy saw it.
type Anchor struct {
	At     time.Time
	Count  uint64
	Hash   string
	Backup string // the copy's file name
	File   string // the anchor file it was read from, and the line
	Line   int
	Err    string // why the line could not be read; the rest is empty then
}

// Anchor statuses, as AnchorCheck.Status.
const (
	AnchorOK         = "ok"         // the log has the entry with that hash
	AnchorShort      = "short"      // the entry is gone: the log was cut or emptied
	AnchorRewritten  = "rewritten"  // the entry, or one before it, was rewritten
	AnchorRestored   = "restored"   // differs, but a restore since explains it
	AnchorUnreadable = "unreadable" // the line itself is damaged
)

// AnchorCheck is one anchor compared with the log.
type AnchorCheck struct {
	Anchor
	Status string
	Detail string // Chinese; empty when OK
}

// Failed tells whether the anchor shows the log was changed.
func (c *AnchorCheck) Failed() bool { return c.Status != AnchorOK && c.Status != AnchorRestored }

// ShortHash is the start of a head hash as the head of office notes it on
// paper and reads it aloud: 16 hex digits in groups of four.
func ShortHash(h string) string {
	if len(h) > 16 {
		h = h[:16]
	}
	var b strings.Builder
	for i := 0; i < len(h); i += 4 {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(h[i:min(i+4, len(h))])
	}
	return b.String()
}

// headOf reads the chain's head from the audit and meta buckets (either may
// be nil). The head in meta spares decoding the last entry when it names it.
// A last entry that cannot be read still gives the count, with the error.
func headOf(audit, meta *bolt.Bucket) (AuditHead, error) {
	if audit == nil {
		return AuditHead{}, nil
	}
	k, v := audit.Cursor().Last()
	if k == nil {
		return AuditHead{}, nil
	}
	seq := getU64(k)
	if meta != nil {
		if head := meta.Get(metaAuditHead); len(head) == 8+sha256.Size && getU64(head) == seq {
			return AuditHead{Count: seq, Hash: hex.EncodeToString(head[8:])}, nil
		}
	}
	e, err := decodeRecord[AuditEntry](seq, v)
	if err != nil {
		return AuditHead{Count: seq}, err
	}
	return AuditHead{Count: seq, Hash: e.Hash}, nil
}

// AuditHead is the chain's head as this transaction sees it.
func (tx *Tx) AuditHead() (AuditHead, error) { return headOf(tx.b(bucketAudit), tx.b(bucketMeta)) }

// writeAnchor appends the head of the finished copy at path to the anchor
// file in the copy's folder. The head is read from the copy itself, so the
// line says exactly what the copy holds, whatever was written to the live
// file meanwhile.
func (s *Store) writeAnchor(path string) error {
	head, err := copyHead(path)
	if err == nil {
		err = appendAnchor(filepath.Dir(path), s.now(), head, filepath.Base(path))
	}
	if err != nil {
		return fmt.Errorf("%w to %s (the copy %s itself is complete): %v", ErrAnchor,
			filepath.Join(filepath.Dir(path), AnchorFileName), path, err)
	}
	return nil
}

func copyHead(path string) (head AuditHead, err error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return head, err
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) error {
		head, err = headOf(tx.Bucket(bucketAudit), tx.Bucket(bucketMeta))
		return err
	})
	return head, err
}

func appendAnchor(dir string, at time.Time, head AuditHead, backup string) error {
	path := filepath.Join(dir, AnchorFileName)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	line := ""
	if fi, err := f.Stat(); err == nil && fi.Size() == 0 {
		line = anchorHeader
	}
	hash := head.Hash
	if hash == "" {
		hash = "-"
	}
	line += fmt.Sprintf("%s\t%d\t%s\t%s\n", at.Format(anchorTime), head.Count, hash, backup)
	if _, err := f.WriteString(line); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// readAnchors reads an anchor file, or the one in a folder. A missing file
// is no anchors, not an error. A line that cannot be read is returned with
// Err set: someone edited the file.
func readAnchors(path string) ([]Anchor, error) {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		path = filepath.Join(path, AnchorFileName)
	}
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Anchor
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		a := parseAnchor(line)
		a.File, a.Line = path, n
		out = append(out, a)
	}
	return out, sc.Err()
}

// parseAnchor reads "time count hash file"; the columns are written with
// tabs, read as any spaces, in case an editor changed them.
func parseAnchor(line string) Anchor {
	f := strings.Fields(line)
	if len(f) < 6 {
		return Anchor{Err: "列数不足"}
	}
	at, err := time.Parse(anchorTime, strings.Join(f[:3], " "))
	if err != nil {
		return Anchor{Err: "时间无法识别"}
	}
	count, err := strconv.ParseUint(f[3], 10, 64)
	if err != nil {
		return Anchor{Err: "条数无法识别"}
	}
	hash := f[4]
	if hash == "-" && count == 0 {
		hash = ""
	} else if b, err := hex.DecodeString(hash); err != nil || len(b) != sha256.Size || count == 0 {
		return Anchor{Err: "哈希无法识别"}
	}
	return Anchor{At: at, Count: count, Hash: hash, Backup: strings.Join(f[5:], " ")}
}

// Anchors reads the anchor file in the backup folder, then those in extra
// (files or folders; an anchor file copied to a USB stick), oldest first.
func (s *Store) Anchors(extra ...string) ([]Anchor, error) {
	var all []Anchor
	for _, p := range append([]string{s.BackupDir()}, extra...) {
		as, err := readAnchors(p)
		if err != nil {
			return nil, fmt.Errorf("store: read the audit anchors in %s: %w", p, err)
		}
		all = append(all, as...)
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].At.Before(all[j].At) })
	return all, nil
}

// CheckAnchors compares the log with each anchor. The entry an anchor
// names must still be in the log with the hash it had; as each hash seals
// the one before it, that holds for every entry up to it. An anchor the log
// no longer matches because a copy was restored since (the log then goes on
// from the copy's entries) is marked restored, not failed: the restore entry
// must be at or before the entry the anchor names, and later than it.
func (tx *Tx) CheckAnchors(anchors []Anchor) ([]AnchorCheck, error) {
	b := tx.b(bucketAudit)
	var entries uint64 // how many the log has, counted when first needed
	counted := false
	var restores []*AuditEntry
	scanned := false
	out := make([]AnchorCheck, 0, len(anchors))
	for _, a := range anchors {
		c := AnchorCheck{Anchor: a, Status: AnchorOK}
		where := fmt.Sprintf("%s 的备份锚点（%s）", a.At.Format("2006-01-02"), a.Backup)
		if a.Err != "" {
			c.Status, c.Detail = AnchorUnreadable, fmt.Sprintf("锚点文件 %s 第 %d 行无法识别（%s）：锚点文件被改动过", a.File, a.Line, a.Err)
			out = append(out, c)
			continue
		}
		if a.Count == 0 {
			out = append(out, c)
			continue
		}
		var v []byte
		if b != nil {
			v = b.Get(u64(a.Count))
		}
		if v == nil {
			if !counted && b != nil {
				entries, counted = uint64(b.Stats().KeyN), true
			}
			c.Status = AnchorShort
			if lastSeq(b) >= a.Count {
				c.Detail = fmt.Sprintf("审计日志与 %s不一致：该时点的第 %d 条记录已被删除", where, a.Count)
			} else {
				c.Detail = fmt.Sprintf("审计日志与 %s不一致：该时点应有 %d 条，现只有 %d 条", where, a.Count, entries)
			}
		} else if e, err := decodeRecord[AuditEntry](a.Count, v); err != nil || e.Hash != a.Hash {
			c.Status = AnchorRewritten
			c.Detail = fmt.Sprintf("审计日志与 %s不一致：第 %d 条及之前的记录被改写", where, a.Count)
		}
		if c.Status != AnchorOK {
			if !scanned {
				var err error
				if restores, err = tx.restoreEntries(); err != nil {
					return nil, err
				}
				scanned = true
			}
			for _, r := range restores {
				if r.Seq <= a.Count && !r.At.Time().Before(a.At.Truncate(time.Second)) {
					c.Status = AnchorRestored
					c.Detail = fmt.Sprintf("%s记下之后，数据文件于 %s 从备份恢复（第 %d 条记录），此后的审计日志与它不同属正常；请核实那次恢复确有其事",
						where, r.At.Time().Format("2006-01-02 15:04"), r.Seq)
					break
				}
			}
		}
		out = append(out, c)
	}
	return out, nil
}

func lastSeq(b *bolt.Bucket) uint64 {
	if b == nil {
		return 0
	}
	k, _ := b.Cursor().Last()
	if k == nil {
		return 0
	}
	return getU64(k)
}

// restoreEntries are the log's restore entries, oldest first.
func (tx *Tx) restoreEntries() ([]*AuditEntry, error) {
	b := tx.b(bucketAudit)
	if b == nil {
		return nil, nil
	}
	var out []*AuditEntry
	err := b.ForEach(func(k, v []byte) error {
		e, err := decodeRecord[AuditEntry](getU64(k), v)
		if err != nil {
			return nil // damage is the chain check's to report
		}
		if e.Action == "restore" {
			out = append(out, e)
		}
		return nil
	})
	return out, err
}
