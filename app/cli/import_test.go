package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// `laifang import`: a dry run with problems exits 1 and writes nothing;
// the import writes the good rows; again, it adds nothing; a wrong
// command line exits 2; a ledger without problems exits 0.
func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	ledger := filepath.Join("..", "testdata", "ledger", "ledger_mistakes.xlsx")
	run := func(args ...string) (int, string) {
		var out, stderr bytes.Buffer
		code := Run(append([]string{"import", "--data", dir}, args...), Env{Stdout: &out, Stderr: &stderr})
		return code, out.String() + stderr.String()
	}
	code, out := run(ledger, "--dry-run")
	if code != 1 || !strings.Contains(out, "第 7 行（身份证号码） 错误：身份证号码有误") || !strings.Contains(out, "将新增 25 件") {
		t.Fatalf("dry run: %d\n%s", code, out)
	}
	code, out = run(ledger, "--value", "内容分类:劳动保障=07", "--dry-run")
	if code != 1 || !strings.Contains(out, "将新增 26 件") {
		t.Fatalf("dry run with the category mapped: %d\n%s", code, out)
	}
	code, out = run(ledger)
	if code != 1 || !strings.Contains(out, "新增 25 件") {
		t.Fatalf("import: %d\n%s", code, out)
	}
	code, out = run(ledger)
	if !strings.Contains(out, "新增 0 件，此前已导入 25 行") {
		t.Fatalf("again: %d\n%s", code, out)
	}
	for _, args := range [][]string{{}, {ledger, "--map", "备注=姓名"}, {ledger, "--map", "来访人=年龄"}} {
		if code, out := run(args...); code != 2 {
			t.Errorf("%v: %d\n%s", args, code, out)
		}
	}
	good := filepath.Join(t.TempDir(), "good.csv")
	os.WriteFile(good, []byte("信访人,证件号码,电话,日期,内容,渠道\n王秀英,11010519491231002X,13812345678,2025/3/2,拖欠工资,来信\n"), 0o644)
	if code, out := run(good, "--map", "内容=诉求内容"); code != 0 || !strings.Contains(out, "新增 1 件") {
		t.Errorf("a good ledger: %d\n%s", code, out)
	}
	if _, err := os.Stat(ledger); err != nil {
		t.Fatal(err)
	}
}
