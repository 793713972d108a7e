package cli

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"time"

	"laifang/store"
)

var checkCommand = command{
	usage:   "[--rebuild]",
	summary: "检查数据文件和全部索引是否完好（--rebuild 重建索引）",
	flags: func(fs *flag.FlagSet) {
		fs.Bool("rebuild", false, "检查前先从记录重建全部索引")
	},
	run: runCheck,
}

func runCheck(c *Context, fs *flag.FlagSet) error {
	rebuild := fs.Lookup("rebuild").Value.String() == "true"
	start := time.Now()
	// The file is read in a child process (verify-file): a damaged one
	// can crash whatever reads it.
	if rebuild {
		// Indexes are rebuilt from the records of a file whose pages hold.
		fmt.Fprintln(c.Stdout, "正在检查文件结构……")
		r, err := verifyInChild(c, true)(c.DataFile(), store.Options{})
		if err != nil {
			return checkFailed(c, err)
		}
		if r.Damaged {
			return report(c, r, time.Since(start))
		}
		fmt.Fprintln(c.Stdout, "正在重建索引……")
		s, err := store.Open(c.DataFile(), store.Options{NoDailyBackup: true})
		if err != nil {
			return err
		}
		err = s.RebuildIndexes(func(step string) { fmt.Fprintf(c.Stdout, "  已重建：%s\n", step) })
		if cerr := s.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	fmt.Fprintln(c.Stdout, "正在检查……")
	r, err := verifyInChild(c, false)(c.DataFile(), store.Options{})
	if err != nil {
		return checkFailed(c, err)
	}
	return report(c, r, time.Since(start))
}

func checkFailed(c *Context, err error) error {
	if errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("数据文件夹 %s 中没有数据文件", c.DataDir)
	}
	return err
}

func report(c *Context, r *store.Report, took time.Duration) error {
	if r.OK() {
		fmt.Fprintf(c.Stdout, "数据文件完好：%d 件信访事项，%d 次来访，%d 名信访人；审计日志 %d 条，哈希链完整（用时 %s）。\n",
			r.Counts["cases"], r.Counts["visits"], r.Counts["people"], r.Counts["audit"], took.Round(time.Millisecond))
		return nil
	}
	for _, p := range r.Problems {
		fmt.Fprintln(c.Stdout, "  "+p)
	}
	if n := r.Omitted(); n > 0 {
		fmt.Fprintf(c.Stdout, "  ……另有 %d 个问题未列出\n", n)
	}
	if r.Damaged {
		return errors.New("数据文件已损坏（文件结构有错），不能再使用。请关闭来访接待程序，用 laifang restore 恢复最近的一份备份")
	}
	return fmt.Errorf("发现 %d 个问题。可以运行 laifang check --rebuild 从记录重建索引；文件结构损坏时请用 laifang restore 恢复备份", len(r.Problems)+r.Omitted())
}
