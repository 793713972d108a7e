package cli

import (
	"errors"
	"flag"
	"fmt"

	"laifang/store"
)

var auditCommand = command{
	usage:   "verify [锚点文件…]",
	summary: "核验审计日志：报告被修改、删除或调换顺序的记录，并与备份留下的锚点比对",
	run:     runAudit,
}

func runAudit(c *Context, fs *flag.FlagSet) error {
	if fs.Arg(0) != "verify" {
		return errors.New("用法：laifang audit verify [锚点文件…]")
	}
	// A damaged file can crash whatever reads it: its pages are checked in
	// a child process first (verify-file), as check and restore do.
	pages, err := verifyInChild(c, true)(c.DataFile(), store.Options{})
	if err != nil {
		return checkFailed(c, err)
	}
	if pages.Damaged {
		return report(c, pages, 0)
	}
	s, err := store.Open(c.DataFile(), store.Options{ReadOnly: true, Timeout: 0})
	if err != nil {
		return err
	}
	defer s.Close()
	// Anchor files named on the line (a copy kept on a USB stick) count
	// with the one in the backup folder.
	r, err := s.VerifyAudit(fs.Args()[1:]...)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.Stdout, "链头：第 %d 条，哈希 %s（请与纸面记录核对）\n", r.Head.Count, store.ShortHash(r.Head.Hash))
	if len(r.Anchors) == 0 {
		fmt.Fprintf(c.Stdout, "备份文件夹 %s 中没有审计锚点：每次备份都会留下一个。\n", s.BackupDir())
	}
	for _, a := range r.Anchors {
		if a.Status == store.AnchorRestored {
			fmt.Fprintf(c.Stdout, "  注意：%s\n", a.Detail)
		}
	}
	if r.OK() {
		fmt.Fprintf(c.Stdout, "审计日志完整：共 %d 条记录，哈希链没有断裂", r.Entries)
		if n := okAnchors(r.Anchors); n > 0 {
			fmt.Fprintf(c.Stdout, "，与 %d 个备份锚点相符", n)
		}
		fmt.Fprintln(c.Stdout, "。")
		return nil
	}
	for _, p := range r.Problems {
		if p.Seq == 0 { // a damaged anchor line: no entry to name
			fmt.Fprintf(c.Stdout, "  %s\n", p.Detail)
			continue
		}
		fmt.Fprintf(c.Stdout, "  第 %d 条（%s）：%s\n", p.Seq, kindName(p.Kind), p.Detail)
	}
	return fmt.Errorf("审计日志已被改动：共 %d 条记录，发现 %d 处问题", r.Entries, len(r.Problems))
}

func okAnchors(as []store.AnchorCheck) (n int) {
	for _, a := range as {
		if a.Status == store.AnchorOK {
			n++
		}
	}
	return n
}

func kindName(k string) string {
	switch k {
	case store.AuditChanged:
		return "被修改"
	case store.AuditRemoved:
		return "被删除"
	case store.AuditReordered:
		return "顺序被调换"
	}
	return "无法读取"
}
