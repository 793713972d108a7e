package cli

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"laifang/app"
	"laifang/domain/ledgerin"
	"laifang/store"
)

// `laifang import FILE [--dry-run] [--map 列=字段 …] [--value 字段:值=代码 …]`
// brings an old ledger in (docs/DOMAIN.md §16). Exit codes: 0 the import
// (or the dry run) found no problem; 1 a row was left out for a problem
// (listed), or the import failed; 2 the command line is wrong.
var importCommand = command{
	usage:   "文件 [--dry-run] [--map 列=字段 …] [--value 字段:值=代码 …]",
	summary: "导入旧台账（.xlsx 或 .csv）；--dry-run 只检查、不写入",
	flags: func(fs *flag.FlagSet) {
		fs.Bool("dry-run", false, "只检查每一行，列出问题，不写入")
		fs.Var(&multiFlag{}, "map", "列与字段的对应，如 --map 反映人=姓名 或 --map C=联系电话；字段为 - 表示不导入该列（可重复）")
		fs.Var(&multiFlag{}, "value", "字典中没有的值对应到哪一项，如 --value 内容分类:劳动保障=07（可重复）")
	},
	run: runImport,
}

// multiFlag is a flag given several times.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, " ") }
func (m *multiFlag) Set(s string) error { *m = append(*m, s); return nil }

// usageError ends the command with exit code 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

const importUsage = "用法：laifang import 文件 [--dry-run] [--map 列=字段 …] [--value 字段:值=代码 …]"

// errProblems ends a run that listed problems with exit code 1.
var errProblems = errors.New("有的行有问题，未导入（见上）；改正原表后重新导入，已导入的行不会重复。")

func runImport(c *Context, fs *flag.FlagSet) error {
	if fs.NArg() != 1 {
		return &usageError{importUsage}
	}
	dry := fs.Lookup("dry-run").Value.String() == "true"
	maps, values := *fs.Lookup("map").Value.(*multiFlag), *fs.Lookup("value").Value.(*multiFlag)
	name := fs.Arg(0)
	data, err := os.ReadFile(name)
	if err != nil {
		return fmt.Errorf("无法读取文件 %s：%w", name, err)
	}
	a, err := c.OpenApp(store.Options{NoDailyBackup: true})
	if err != nil {
		return err
	}
	defer a.Close()
	con := a.Console(cliWorkstation())
	// The mapping: first from the headers, then the clerk's corrections.
	_, info, err := con.ImportLedger(name, data, app.ImportMapping{}, true, nil)
	if err != nil && info.Name == "" {
		return err
	}
	m := app.ImportMapping{Columns: make([]string, len(info.Columns)), Values: map[string]map[string]string{}}
	for i, col := range info.Columns {
		m.Columns[i] = col.Field
	}
	for _, s := range maps {
		col, field, ok := strings.Cut(s, "=")
		i := columnOf(info.Columns, strings.TrimSpace(col))
		if !ok || i < 0 {
			return &usageError{fmt.Sprintf("--map %s：文件中没有“%s”这一列。%s", s, col, importUsage)}
		}
		field = strings.TrimSpace(field)
		if field == "-" || field == "" {
			m.Columns[i] = ""
			continue
		}
		f, ok := ledgerin.Parse(field)
		if !ok {
			return &usageError{fmt.Sprintf("--map %s：没有“%s”这个字段（可用：%s）。", s, field, fieldNames())}
		}
		for j := range m.Columns {
			if m.Columns[j] == string(f) {
				m.Columns[j] = ""
			}
		}
		m.Columns[i] = string(f)
	}
	for _, s := range values {
		fv, code, ok1 := strings.Cut(s, "=")
		field, v, ok2 := strings.Cut(fv, ":")
		f, ok3 := ledgerin.Parse(strings.TrimSpace(field))
		if !ok1 || !ok2 || !ok3 {
			return &usageError{fmt.Sprintf("--value %s：应写成 字段:值=代码，如 --value 内容分类:劳动保障=07。", s)}
		}
		if m.Values[string(f)] == nil {
			m.Values[string(f)] = map[string]string{}
		}
		m.Values[string(f)][strings.TrimSpace(v)] = strings.TrimSpace(code)
	}
	printMapping(c, info, m)
	rep, _, err := con.ImportLedger(name, data, m, dry, func(p app.ImportProgress) {
		fmt.Fprintf(c.Stderr, "\r已处理 %d / %d 行", p.Processed, p.Total)
		if p.Processed == p.Total {
			fmt.Fprintln(c.Stderr)
		}
	})
	if err != nil {
		return err
	}
	for _, p := range rep.Problems {
		kind := "错误"
		if p.Warning {
			kind = "提示"
		}
		col := ""
		if p.Column != "" {
			col = "（" + p.Column + "）"
		}
		fmt.Fprintf(c.Stdout, "第 %d 行%s %s：%s\n", p.Row, col, kind, p.Message)
	}
	if rep.More > 0 {
		fmt.Fprintf(c.Stdout, "……另有 %d 条问题未列出。\n", rep.More)
	}
	verb := "将新增"
	if !dry {
		verb = "新增"
	}
	fmt.Fprintf(c.Stdout, "%s：共 %d 行，%s %d 件，此前已导入 %d 行，重复 %d 行，有错误未导入 %d 行。\n",
		filepath.Base(name), rep.Rows, verb, rep.Ready, rep.Existing, rep.Repeated, rep.Refused)
	if len(rep.Units) > 0 {
		fmt.Fprintf(c.Stdout, "将新建承办单位：%s\n", strings.Join(rep.Units, "、"))
	}
	if rep.Refused > 0 {
		return errProblems
	}
	return nil
}

// columnOf finds a column by its header or its letter (C, AA).
func columnOf(cols []app.ImportColumn, s string) int {
	for _, c := range cols {
		if c.Header == s {
			return c.Index
		}
	}
	for _, c := range cols {
		if strings.EqualFold(c.Letter, s) {
			return c.Index
		}
	}
	return -1
}

func fieldNames() string {
	var names []string
	for _, f := range ledgerin.Fields {
		names = append(names, f.Label)
	}
	return strings.Join(names, "、")
}

func printMapping(c *Context, info app.ImportFile, m app.ImportMapping) {
	fmt.Fprintf(c.Stdout, "%s：%d 行，列的对应：\n", info.Name, info.Rows)
	for i, col := range info.Columns {
		to := "（不导入）"
		if f := m.Columns[i]; f != "" {
			to = ledgerin.Label(ledgerin.Field(f))
		}
		fmt.Fprintf(c.Stdout, "  %s %s → %s\n", col.Letter, col.Header, to)
	}
}
