package cli

import (
	"flag"
	"fmt"
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
	s, err := store.Open(c.DataFile(), store.Options{NoDailyBackup: true})
	if err != nil {
		return err
	}
	defer s.Close()
	start := time.Now()
	if rebuild {
		fmt.Fprintln(c.Stdout, "正在重建索引……")
		if err := s.RebuildIndexes(func(step string) { fmt.Fprintf(c.Stdout, "  已重建：%s\n", step) }); err != nil {
			return err
		}
	}
	fmt.Fprintln(c.Stdout, "正在检查……")
	r, err := s.Check()
	if err != nil {
		return err
	}
	return report(c, r, time.Since(start))
}

func report(c *Context, r *store.Report, took time.Duration) error {
	if r.OK() {
		fmt.Fprintf(c.Stdout, "数据文件完好：%d 件信访事项，%d 次来访，%d 名信访人（用时 %s）。\n",
			r.Counts["cases"], r.Counts["visits"], r.Counts["people"], took.Round(time.Millisecond))
		return nil
	}
	for _, p := range r.Problems {
		fmt.Fprintln(c.Stdout, "  "+p)
	}
	if n := r.Omitted(); n > 0 {
		fmt.Fprintf(c.Stdout, "  ……另有 %d 个问题未列出\n", n)
	}
	return fmt.Errorf("发现 %d 个问题。可以运行 laifang check --rebuild 从记录重建索引；文件结构损坏时请用 laifang restore 恢复备份", len(r.Problems)+r.Omitted())
}
