package cli

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/user"
	"path/filepath"

	"laifang/app"
	"laifang/store"
)

var backupCommand = command{
	usage:   "[文件]",
	summary: "热备份数据文件（默认放在备份文件夹，按日期命名）",
	run:     runBackup,
}

var restoreCommand = command{
	usage:   "文件",
	summary: "先检查备份，再用它替换数据文件（原文件保留在旁边）",
	run:     runRestore,
}

func runBackup(c *Context, fs *flag.FlagSet) error {
	s, err := store.Open(c.DataFile(), store.Options{NoDailyBackup: true})
	if errors.Is(err, store.ErrLocked) {
		// bbolt's lock keeps out even a reader: the copy must come from
		// the program that holds the file.
		return errors.New("数据文件正被打开的来访接待程序（窗口或 laifang serve）使用，命令行不能同时读取它。" +
			"请由管理员在该程序中进入 设置 → 备份，点“立即备份”；或先关闭该程序，再运行 laifang backup。")
	} else if err != nil {
		return err
	}
	defer s.Close()
	dst := fs.Arg(0)
	if dst == "" {
		dst, err = s.BackupNow()
	} else {
		err = s.BackupTo(dst)
	}
	anchorErr := error(nil)
	if errors.Is(err, store.ErrAnchor) {
		// The copy is whole; only its anchor line is missing.
		anchorErr, err = err, nil
	}
	if err != nil {
		return fmt.Errorf("备份失败：%w", err)
	}
	if err := s.AppendAudit(&store.AuditEntry{Action: app.ActionBackup, Entity: "file", Summary: "命令行备份到 " + dst,
		Workstation: cliWorkstation()}); err != nil {
		return err
	}
	fmt.Fprintf(c.Stdout, "已备份到 %s\n", dst)
	if anchorErr != nil {
		return fmt.Errorf("备份已完成，但审计锚点没有写入 %s：%w", store.AnchorFileName, anchorErr)
	}
	return nil
}

func runRestore(c *Context, fs *flag.FlagSet) error {
	src := fs.Arg(0)
	if src == "" {
		return errors.New("请给出要恢复的备份文件")
	}
	fmt.Fprintf(c.Stdout, "正在检查 %s ……\n", src)
	abs, err := filepath.Abs(src)
	if err != nil {
		abs = src
	}
	a := &store.AuditEntry{Action: app.ActionRestore, Entity: "file", Summary: "命令行从 " + abs + " 恢复数据文件",
		Workstation: cliWorkstation()}
	replaced, r, err := store.Restore(src, c.DataFile(), store.Options{}, a, verifyInChild(c, false))
	if err != nil {
		if r != nil && !r.OK() {
			for _, p := range r.Problems {
				fmt.Fprintln(c.Stdout, "  "+p)
			}
			if n := r.Omitted(); n > 0 {
				fmt.Fprintf(c.Stdout, "  ……另有 %d 个问题未列出\n", n)
			}
		}
		return restoreRefused(err, r)
	}
	fmt.Fprintf(c.Stdout, "已恢复。")
	if replaced != "" {
		fmt.Fprintf(c.Stdout, "原来的数据文件保留为 %s", replaced)
	}
	fmt.Fprintln(c.Stdout)
	return nil
}

// restoreRefused says in words why a copy was not restored; the data file
// is as it was in every case.
func restoreRefused(err error, r *store.Report) error {
	const kept = "数据文件没有改动。"
	switch {
	case errors.Is(err, store.ErrLocked):
		return err
	case errors.Is(err, store.ErrBadBackup) && r == nil:
		return errors.New("没有恢复：这份备份与旁边的校验文件（.sha256）不符，它在备份之后被改动或损坏。" + kept + "请换一份备份。")
	case errors.Is(err, store.ErrBadBackup) && r.Damaged:
		return errors.New("没有恢复：这份备份已损坏。" + kept + "请换一份备份（备份文件夹中有按日期命名的多份）。")
	case errors.Is(err, store.ErrBadBackup):
		return errors.New("没有恢复：这份备份没有通过检查（问题见上）。" + kept + "请换一份备份。")
	case errors.Is(err, store.ErrNewerSchema):
		return errors.New("没有恢复：这份备份由更新版本的来访接待程序制作，本程序无法读取。" + kept)
	case errors.Is(err, os.ErrNotExist):
		return errors.New("没有恢复：找不到这个文件。" + kept)
	}
	return fmt.Errorf("没有恢复：%w。"+kept, err)
}

// cliWorkstation is the "from where" of an audit entry written by a
// command: no staff member is logged in at a command line, so the entry
// names the operating system's user and the computer instead.
func cliWorkstation() string {
	who := "命令行"
	name := ""
	if u, err := user.Current(); err == nil {
		name = u.Username
	}
	if name == "" {
		name = os.Getenv("USER")
	}
	if name == "" {
		name = os.Getenv("USERNAME")
	}
	host, _ := os.Hostname()
	switch {
	case name != "" && host != "":
		who += "（" + name + "@" + host + "）"
	case name != "":
		who += "（" + name + "）"
	case host != "":
		who += "（" + host + "）"
	}
	return who
}
