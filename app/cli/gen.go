package cli

import (
	"flag"
	"fmt"
	"strconv"
	"time"

	"laifang/app"
	"laifang/store"
	"laifang/store/gen"
)

var genCommand = command{
	usage:   "-n 数量 [--seed N] [--years N]",
	summary: "生成一个虚构的办公室（演示、培训、性能测试），全部为虚构数据",
	flags: func(fs *flag.FlagSet) {
		fs.Int("n", 1000, "来访次数")
		fs.Uint64("seed", 1, "随机种子：同一种子生成同样的数据")
		fs.Int("years", 10, "分布在最近多少年")
	},
	run: runGen,
}

func runGen(c *Context, fs *flag.FlagSet) error {
	n, _ := strconv.Atoi(fs.Lookup("n").Value.String())
	seed, _ := strconv.ParseUint(fs.Lookup("seed").Value.String(), 10, 64)
	years, _ := strconv.Atoi(fs.Lookup("years").Value.String())
	if n <= 0 {
		return fmt.Errorf("-n 必须是正数")
	}
	start := time.Now()
	sum, err := gen.Make(c.DataFile(), gen.Options{Visits: n, Seed: seed, Years: years,
		Password: DemoPassword, HashPassword: app.HashPassword,
		Progress: func(done int) {
			fmt.Fprintf(c.Stdout, "已提交 %d 次来访（%s）\n", done, time.Since(start).Round(time.Second))
		}})
	if err != nil {
		return err
	}
	// A bulk load leaves many free pages, which slow every later save
	// (store.Compact); a compacted file is like one that grew visit by
	// visit.
	fmt.Fprintln(c.Stdout, "正在整理数据文件……")
	if err := store.Compact(c.DataFile()); err != nil {
		return err
	}
	s, err := store.Open(c.DataFile(), store.Options{NoDailyBackup: true, ReadOnly: true})
	if err != nil {
		return err
	}
	defer s.Close()
	size, _ := s.Size()
	fmt.Fprintf(c.Stdout, "完成：%s，用时 %s，数据文件 %.1f MB\n", sum, time.Since(start).Round(time.Second), float64(size)/1e6)
	printStaff(c, sum.Staff)
	return nil
}

// DemoPassword is the password of every account of a generated office.
// It is printed and written here on purpose: the office is demo data, made
// up, for demonstrations, training and benchmarks, never for real work.
const DemoPassword = "demo2026"

func printStaff(c *Context, staff []store.User) {
	if len(staff) == 0 {
		return
	}
	fmt.Fprintln(c.Stdout, "演示账号（虚构的演示数据，仅供演示、培训和测试；不要用于真实接待工作）：")
	for _, u := range staff {
		role := app.RoleNames[u.Role]
		if u.Confidential {
			role += "，可查看保密件"
		}
		fmt.Fprintf(c.Stdout, "  %-8s %s（%s）\n", u.Login, u.Name, role)
	}
	if staff[0].PassHash != "" {
		fmt.Fprintf(c.Stdout, "所有演示账号的密码都是：%s\n", DemoPassword)
	}
}
