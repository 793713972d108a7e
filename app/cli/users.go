package cli

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"

	"laifang/app"
	"laifang/store"
)

var usersCommand = command{
	usage:   "list | unlock 登录名 | reset-password 登录名",
	summary: "在保存数据文件的电脑上列出账号、解除锁定、重设密码（如忘记管理员密码）",
	run:     runUsers,
}

const usersUsage = "用法：laifang users list | unlock 登录名 | reset-password 登录名"

// runUsers is for the office whose only administrator is locked out or
// forgot the password: whoever sits at the PC that holds the data file may
// do it, and each change is audited with the command and the OS user.
func runUsers(c *Context, fs *flag.FlagSet) error {
	verb, login := fs.Arg(0), fs.Arg(1)
	switch {
	case verb == "list" && fs.NArg() == 1:
	case (verb == "unlock" || verb == "reset-password") && fs.NArg() == 2:
	default:
		return errors.New(usersUsage)
	}
	a, err := c.OpenApp(store.Options{NoDailyBackup: true})
	if err != nil {
		return err
	}
	defer a.Close()
	con := a.Console(cliWorkstation())
	command := "laifang users " + verb
	if login != "" {
		command += " " + login
	}
	var u app.UserInfo
	switch verb {
	case "list":
		us, err := con.Users()
		if err != nil {
			return err
		}
		for _, u := range us {
			fmt.Fprintf(c.Stdout, "%-20s %-12s %-8s %s\n", u.Login, u.Name, app.RoleNames[u.Role], userState(u))
		}
		return nil
	case "unlock":
		if u, err = con.Unlock(login, command); err != nil {
			return err
		}
		fmt.Fprintf(c.Stdout, "已解除 %s（%s）的锁定。\n", u.Login, u.Name)
	case "reset-password":
		if u, err = con.User(login); err != nil {
			return err
		}
		pw, err := readNewPassword(c, u.Login)
		if err != nil {
			return err
		}
		if u, err = con.ResetPassword(login, pw, command); err != nil {
			return err
		}
		fmt.Fprintf(c.Stdout, "已为 %s（%s）设置新密码，并解除了锁定。\n", u.Login, u.Name)
	}
	if !u.Active {
		fmt.Fprintln(c.Stdout, "注意：该账号已停用，须由管理员在“用户管理”中启用后才能登录。")
	}
	return nil
}

func userState(u app.UserInfo) string {
	s := "在用"
	if !u.Active {
		s = "停用"
	}
	if u.LockedUntil != "" {
		if t, err := time.Parse(time.RFC3339, u.LockedUntil); err == nil {
			s += "，锁定至 " + t.Local().Format("15:04")
		}
	}
	return s
}

// readNewPassword asks for the password twice without echo on a terminal,
// or reads one line from the standard input otherwise (a script).
func readNewPassword(c *Context, login string) (string, error) {
	if f, ok := c.Stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprintf(c.Stderr, "%s 的新密码（至少 8 位，含字母和数字）：", login)
		first, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(c.Stderr)
		if err != nil {
			return "", err
		}
		fmt.Fprint(c.Stderr, "再输入一次：")
		second, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(c.Stderr)
		if err != nil {
			return "", err
		}
		if string(first) != string(second) {
			return "", errors.New("两次输入的密码不一致，密码没有改动。")
		}
		return string(first), nil
	}
	return stdinPassword(c, "没有读到新密码（请在终端中运行，或从标准输入给出一行密码）。")
}

// stdinPassword reads a password as one line of the standard input (a
// script); none is the error when the line is empty.
func stdinPassword(c *Context, none string) (string, error) {
	line, err := bufio.NewReader(io.LimitReader(c.Stdin, 4096)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", err
	}
	pw := strings.TrimRight(line, "\r\n")
	if pw == "" {
		return "", errors.New(none)
	}
	return pw, nil
}
