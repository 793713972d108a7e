package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"time"

	"laifang/store"
)

// verifyFileCommand is the child process of check and restore: it reads a
// file that may be damaged (store.VerifyFile) and prints what it found as
// JSON for its parent. bbolt crashes the program on some damaged pages, in
// a goroutine of its own where no recover reaches; in a child, such a crash
// only tells the parent that the file is damaged. Not in `laifang help`.
var verifyFileCommand = command{
	usage:   "文件",
	summary: "检查一个可能已损坏的数据文件（check 和 restore 在子进程中运行它）",
	hidden:  true,
	flags: func(fs *flag.FlagSet) {
		fs.String("backups", "", "文件需要升级时，升级前的副本放在这里")
		fs.Bool("pages", false, "只检查文件结构（store.VerifyPages）")
	},
	run: runVerifyFile,
}

// verifyAnswer is what the child prints: a report, or why there is none.
type verifyAnswer struct {
	Report  *store.Report `json:"report,omitempty"`
	Err     string        `json:"err,omitempty"` // locked, newer, missing, other
	Message string        `json:"message,omitempty"`
}

func runVerifyFile(c *Context, fs *flag.FlagSet) error {
	path := fs.Arg(0)
	if path == "" {
		return errors.New("用法：laifang verify-file 文件")
	}
	verify := store.VerifyFile
	if fs.Lookup("pages").Value.String() == "true" {
		verify = store.VerifyPages
	}
	r, err := verify(path, store.Options{BackupDir: fs.Lookup("backups").Value.String()})
	ans := verifyAnswer{Report: r}
	switch {
	case err == nil:
	case errors.Is(err, store.ErrLocked):
		ans.Err = "locked"
	case errors.Is(err, store.ErrNewerSchema):
		ans.Err = "newer"
	case errors.Is(err, os.ErrNotExist):
		ans.Err = "missing"
	default:
		ans.Err = "other"
	}
	if err != nil {
		ans.Message = err.Error()
	}
	return json.NewEncoder(c.Stdout).Encode(ans)
}

// verifyBase is the least time a file's check is given (the damage tests,
// on files of a few hundred kilobytes, give less: their children that loop
// need not be waited for so long).
var verifyBase = 20 * time.Second

// verifyLimit is how long the check of a file may take: 20 s, and 1 s
// more per 10 MB (a healthy file of a million visits checks in well under
// a minute of its limit's three).
func verifyLimit(path string) time.Duration {
	limit := verifyBase
	if fi, err := os.Stat(path); err == nil {
		limit += time.Duration(fi.Size()/(10<<20)) * time.Second
	}
	return limit
}

// crashed is the report on a file whose reading ended the child process.
func crashed() *store.Report {
	return &store.Report{Damaged: true, Counts: map[string]int{},
		Problems: []string{"文件结构：读取这个文件时程序异常退出，文件已损坏"}}
}

// verifyInChild is a store.Verifier that runs store.VerifyFile (pagesOnly:
// store.VerifyPages) in a child process of this same program (laifang
// verify-file). A child that ends
// without its answer (a crash in bbolt, a memory fault) means the file is
// damaged; its own output, a Go stack trace, is dropped. The child's stdout
// is the answer; Ctrl-C (c.Ctx) ends the child, and then the command.
func verifyInChild(c *Context, pagesOnly bool) store.Verifier {
	return func(path string, opts store.Options) (*store.Report, error) {
		exe, err := os.Executable()
		if err != nil {
			return nil, err
		}
		args := []string{"verify-file", "--data", c.DataDir}
		if opts.BackupDir != "" {
			args = append(args, "--backups", opts.BackupDir)
		}
		if pagesOnly {
			args = append(args, "--pages")
		}
		// bbolt's page check can walk a damaged page tree for ever (a page
		// that leads back to itself): a child that takes far longer than
		// reading the whole file would is stopped, and the file is damaged.
		ctx, cancel := context.WithTimeout(c.Ctx, verifyLimit(path))
		defer cancel()
		cmd := exec.CommandContext(ctx, exe, append(args, "--", path)...)
		var out bytes.Buffer
		cmd.Stdout = &out
		runErr := cmd.Run()
		if c.Ctx.Err() != nil {
			return nil, errors.New("已取消")
		}
		if ctx.Err() != nil {
			return &store.Report{Damaged: true, Counts: map[string]int{},
				Problems: []string{"文件结构：检查这个文件的页面时陷入循环（页面互相指向），文件已损坏"}}, nil
		}
		if cmd.ProcessState == nil {
			return nil, fmt.Errorf("无法启动检查：%w", runErr)
		}
		var ans verifyAnswer
		if runErr != nil || json.Unmarshal(out.Bytes(), &ans) != nil || (ans.Report == nil && ans.Err == "") {
			return crashed(), nil
		}
		switch ans.Err {
		case "":
			return ans.Report, nil
		case "locked":
			return nil, store.ErrLocked
		case "newer":
			return nil, store.ErrNewerSchema
		case "missing":
			return nil, fmt.Errorf("找不到文件 %s：%w", path, os.ErrNotExist)
		}
		return ans.Report, errors.New(ans.Message)
	}
}
