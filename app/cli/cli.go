// Package cli is the command line of the one binary: the window (default),
// serve, and the office's admin commands. main.go hands it the arguments,
// the embedded frontend and the function that opens the Wails window.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"

	"laifang/app"
	"laifang/store"
)

// Env is what main.go provides.
type Env struct {
	Version string
	// Assets is the built frontend (the dist folder itself).
	Assets fs.FS
	// Window runs the desktop window until it is closed; nil where there is
	// no desktop build (tests).
	Window func(a *app.App) error
	Stdout io.Writer
	Stderr io.Writer
	// Stdin is where `users reset-password` reads the new password;
	// os.Stdin when nil.
	Stdin io.Reader
	// Ctx ends long-running commands (serve); Interrupt or SIGTERM when nil.
	Ctx context.Context
	// Executable is this program's path, for the portable marker;
	// os.Executable when empty.
	Executable string
}

// Context is one command's run: its flags parsed, the data folder resolved.
type Context struct {
	Env
	DataDir string
}

// DataFile is the data file the command works on.
func (c *Context) DataFile() string { return dataFile(c.DataDir) }

// OpenApp builds the services on the data folder and opens the data file.
func (c *Context) OpenApp(opts store.Options) (*app.App, error) {
	// The clock is the real one but in the test build (app/testhook.go).
	clock := app.TestClock(c.DataDir)
	if opts.Now == nil {
		opts.Now = clock
	}
	a := app.New(app.Options{Version: c.Version, DataDir: c.DataDir, Now: clock})
	if err := a.Open(opts); err != nil {
		return nil, err
	}
	return a, nil
}

type command struct {
	usage   string // arguments after the command name
	summary string // one line, Chinese, for `laifang help`
	// flags adds the command's own flags; --data is added for every command.
	flags func(fs *flag.FlagSet)
	run   func(c *Context, fs *flag.FlagSet) error
	// hidden leaves the command out of `laifang help`: the program runs it
	// itself (verify-file).
	hidden bool
}

// commands is the table of subcommands; the window is the empty name.
var commands = map[string]command{
	"":        {summary: "打开来访接待窗口（默认）", run: runWindow},
	"serve":   serveCommand,
	"version": {summary: "显示版本", run: func(c *Context, _ *flag.FlagSet) error { fmt.Fprintln(c.Stdout, c.Version); return nil }},
	"gen":     genCommand,
	"check":   checkCommand,
	"backup":  backupCommand,
	"restore": restoreCommand,
	"audit":   auditCommand,
	"users":   usersCommand,
	"import":  importCommand,
	"export":  exportCommand,

	"verify-file": verifyFileCommand,
}

// Run runs the command line and returns the process exit code.
func Run(args []string, env Env) int {
	if env.Stdout == nil {
		env.Stdout = os.Stdout
	}
	if env.Stderr == nil {
		env.Stderr = os.Stderr
	}
	if env.Stdin == nil {
		env.Stdin = os.Stdin
	}
	if env.Ctx == nil {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		env.Ctx = ctx
	}
	if env.Executable == "" {
		env.Executable, _ = os.Executable()
	}
	name := ""
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	}
	if name == "help" {
		usage(env.Stdout)
		return 0
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(env.Stderr, "laifang：没有命令 %q。\n\n", name)
		usage(env.Stderr)
		return 2
	}
	fs := flag.NewFlagSet("laifang "+name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	data := fs.String("data", "", "数据文件夹（默认：系统的用户数据文件夹，或程序旁有 laifang.portable 时的程序文件夹）")
	if cmd.flags != nil {
		cmd.flags(fs)
	}
	if err := parseInterspersed(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	dir, err := resolveDataDir(*data, env.Executable)
	if err != nil {
		fmt.Fprintf(env.Stderr, "laifang：%s\n", message(err))
		return 1
	}
	if err := cmd.run(&Context{Env: env, DataDir: dir}, fs); err != nil {
		fmt.Fprintf(env.Stderr, "laifang %s：%s\n", name, message(err))
		if _, usage := err.(*usageError); usage {
			return 2
		}
		return 1
	}
	return 0
}

// message is the plain-words form of an error for a terminal.
func message(err error) string {
	var e *app.Error
	if errors.As(err, &e) {
		return e.Message
	}
	if errors.Is(err, store.ErrLocked) || errors.Is(err, store.ErrDamaged) || errors.Is(err, store.ErrNewerSchema) {
		return app.AsError(err).Message
	}
	return err.Error()
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "用法：laifang [命令] [--data 文件夹] [参数]")
	names := make([]string, 0, len(commands))
	for n := range commands {
		if n != "" && !commands[n].hidden {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	fmt.Fprintf(w, "  %-22s %s\n", "(无命令)", commands[""].summary)
	for _, n := range names {
		fmt.Fprintf(w, "  %-22s %s\n", strings.TrimSpace(n+" "+commands[n].usage), commands[n].summary)
	}
}

func runWindow(c *Context, _ *flag.FlagSet) error {
	if c.Window == nil {
		return errors.New("这个版本没有桌面窗口，请用 laifang serve。")
	}
	// The window opens the data file itself on startup, so that a locked
	// file is reported inside the window rather than on a console nobody sees.
	return c.Window(app.New(app.Options{Version: c.Version, DataDir: c.DataDir}))
}

// parseInterspersed parses flags wherever they stand, so that
// `laifang backup FILE --data DIR` does not silently ignore --data (the flag
// package stops at the first argument), and leaves the others in fs.Args().
func parseInterspersed(fs *flag.FlagSet, args []string) error {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return err
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
	return fs.Parse(append([]string{"--"}, positional...))
}
