package cli

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"time"

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
	if err != nil {
		return err
	}
	defer s.Close()
	dst := fs.Arg(0)
	if dst == "" {
		st, err := s.Settings()
		if err != nil {
			return err
		}
		dir := st.BackupDir
		if dir == "" {
			dir = filepath.Join(c.DataDir, "backups")
		}
		dst = filepath.Join(dir, "laifang-"+time.Now().Format("20060102-150405")+".db")
	}
	if err := s.BackupTo(dst); err != nil {
		return fmt.Errorf("备份失败：%w", err)
	}
	if err := s.AppendAudit(&store.AuditEntry{Action: "backup", Entity: "file", Summary: "命令行备份到 " + dst,
		Workstation: cliWorkstation()}); err != nil {
		return err
	}
	fmt.Fprintf(c.Stdout, "已备份到 %s\n", dst)
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
	a := &store.AuditEntry{Action: "restore", Entity: "file", Summary: "命令行从 " + abs + " 恢复数据文件",
		Workstation: cliWorkstation()}
	replaced, r, err := store.Restore(src, c.DataFile(), store.Options{}, a)
	if err != nil {
		if r != nil && !r.OK() {
			for _, p := range r.Problems {
				fmt.Fprintln(c.Stdout, "  "+p)
			}
		}
		if errors.Is(err, store.ErrLocked) {
			return err
		}
		return fmt.Errorf("没有恢复：%w", err)
	}
	fmt.Fprintf(c.Stdout, "已恢复。")
	if replaced != "" {
		fmt.Fprintf(c.Stdout, "原来的数据文件保留为 %s", replaced)
	}
	fmt.Fprintln(c.Stdout)
	return nil
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
