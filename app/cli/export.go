package cli

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"golang.org/x/term"

	"laifang/app"
	"laifang/store"
)

// `laifang export --xlsx FILE --user LOGIN [filters]` writes the ledger
// (台账) as an Excel file, as the ledger screen's button does. Nobody is
// signed in at a command line, so the command signs in as the user named,
// with his password (from the terminal without echo, or one line of the
// standard input for a script): the export is his, with his rights, his
// department's scope and his masking, and the audit log names him
// (app.Console.ExportLedger). A whistle-blower's identity leaves only with
// a user who holds the confidential grant.
var exportCommand = command{
	usage:   "--xlsx 文件 --user 登录名 [--from 日期] [--to 日期] [--text 检索词] [--category 代码,…] …",
	summary: "把台账导出为 Excel 文件（以某个账号的身份，按其权限脱敏，记入审计日志）",
	flags: func(fs *flag.FlagSet) {
		fs.String("xlsx", "", "导出到的 .xlsx 文件")
		fs.String("user", "", "以哪个账号导出（登录名；密码从终端或标准输入读取）")
		fs.String("from", "", "登记日期起（年-月-日）")
		fs.String("to", "", "登记日期止（年-月-日）")
		fs.String("text", "", "检索词（全文）")
		fs.String("channel", "", "渠道，多个用逗号分隔")
		fs.String("type", "", "类别，多个用逗号分隔")
		fs.String("category", "", "内容分类代码，多个用逗号分隔")
		fs.String("status", "", "状态代码，多个用逗号分隔")
		fs.String("unit", "", "承办单位名称，多个用逗号分隔")
		fs.String("handler", "", "承办人（登录名）")
		fs.String("flags", "", "标记：group,repeat,skip,litigation,urgent,leader,backlog（须同时具备）")
		fs.Bool("overdue", false, "只导出已超期的事项")
		fs.String("sort", "", "排序：received（默认，新的在前）、received.asc、due")
	},
	run: runExport,
}

func runExport(c *Context, fs *flag.FlagSet) error {
	get := func(name string) string { return strings.TrimSpace(fs.Lookup(name).Value.String()) }
	list := func(name string) []string {
		var out []string
		for _, v := range strings.Split(get(name), ",") {
			if v = strings.TrimSpace(v); v != "" {
				out = append(out, v)
			}
		}
		return out
	}
	file, login := get("xlsx"), get("user")
	if file == "" || login == "" {
		return errors.New("用法：laifang export --xlsx 文件 --user 登录名 [筛选条件]（laifang export -h 列出全部条件）")
	}
	if !strings.HasSuffix(strings.ToLower(file), ".xlsx") {
		return errors.New("导出文件的名称须以 .xlsx 结尾。")
	}
	q := app.LedgerQuery{From: get("from"), To: get("to"), Text: get("text"), Channel: list("channel"),
		Type: list("type"), Category: list("category"), Status: list("status"), Flags: list("flags"),
		Overdue: get("overdue") == "true", Sort: get("sort")}
	a, err := c.OpenApp(store.Options{NoDailyBackup: true})
	if err != nil {
		return err
	}
	defer a.Close()
	if names := list("unit"); len(names) > 0 {
		if q.Unit, err = unitIDs(a, names); err != nil {
			return err
		}
	}
	if h := get("handler"); h != "" {
		u, err := a.Console(cliWorkstation()).User(h)
		if err != nil {
			return err
		}
		q.Handler = u.ID
	}
	pw, err := readPassword(c, login)
	if err != nil {
		return err
	}
	part := file + ".part"
	out, err := os.Create(part)
	if err != nil {
		return err
	}
	start := time.Now()
	last := time.Time{}
	n, err := a.Console(cliWorkstation()).ExportLedger(login, pw, out, q, func(done, total int) {
		if time.Since(last) >= time.Second || done == total {
			last = time.Now()
			fmt.Fprintf(c.Stderr, "已写入 %d / %d 行\n", done, total)
		}
	})
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(part)
		return err
	}
	if err := os.Rename(part, file); err != nil {
		os.Remove(part)
		return err
	}
	fmt.Fprintf(c.Stdout, "已导出 %d 条到 %s（%s）。\n", n, file, time.Since(start).Round(time.Millisecond))
	return nil
}

// unitIDs are the departments of these names.
func unitIDs(a *app.App, names []string) ([]uint64, error) {
	units, err := a.UnitsByName()
	if err != nil {
		return nil, err
	}
	var ids []uint64
	for _, n := range names {
		id, ok := units[n]
		if !ok {
			return nil, fmt.Errorf("没有名为“%s”的承办单位。", n)
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// readPassword asks for login's password without echo on a terminal, or
// reads one line from the standard input otherwise (a script).
func readPassword(c *Context, login string) (string, error) {
	if f, ok := c.Stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprintf(c.Stderr, "%s 的密码：", login)
		pw, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(c.Stderr)
		return string(pw), err
	}
	return stdinPassword(c, "没有读到密码（请在终端中运行，或从标准输入给出一行密码）。")
}
