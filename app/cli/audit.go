package cli

import (
	"errors"
	"flag"
	"fmt"

	"laifang/store"
)

var auditCommand = command{
	usage:   "verify",
	summary: "核验审计日志：报告被修改、删除或调换顺序的记录",
	run:     runAudit,
}

func runAudit(c *Context, fs *flag.FlagSet) error {
	if fs.Arg(0) != "verify" {
		return errors.New("用法：laifang audit verify")
	}
	s, err := store.Open(c.DataFile(), store.Options{ReadOnly: true, Timeout: 0})
	if err != nil {
		return err
	}
	defer s.Close()
	r, err := s.VerifyAudit()
	if err != nil {
		return err
	}
	if r.OK() {
		fmt.Fprintf(c.Stdout, "审计日志完整：共 %d 条记录，哈希链没有断裂。\n", r.Entries)
		return nil
	}
	for _, p := range r.Problems {
		fmt.Fprintf(c.Stdout, "  第 %d 条（%s）：%s\n", p.Seq, kindName(p.Kind), p.Detail)
	}
	return fmt.Errorf("审计日志已被改动：共 %d 条记录，发现 %d 处问题", r.Entries, len(r.Problems))
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
