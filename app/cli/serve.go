package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"time"

	"laifang/app/httpapi"
	"laifang/store"
)

// DefaultAddr keeps serve on this PC unless the office says otherwise.
const DefaultAddr = "127.0.0.1:8730"

var serveCommand = command{
	usage:   "[--addr 地址:端口]",
	summary: "在浏览器中使用（默认只在本机 " + DefaultAddr + "）",
	flags: func(fs *flag.FlagSet) {
		fs.String("addr", DefaultAddr, "监听地址")
	},
	run: runServe,
}

func runServe(c *Context, fs *flag.FlagSet) error {
	addr := fs.Lookup("addr").Value.String()
	a, err := c.OpenApp(store.Options{})
	if err != nil {
		return err
	}
	defer a.Close()
	h, err := httpapi.Handler(a.Services(), c.Assets)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("无法监听 %s：%w", addr, err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	// The address line is read by scripts and tests to find a :0 port.
	fmt.Fprintf(c.Stdout, "laifang serve: http://%s/ (数据文件 %s)\n", ln.Addr(), c.DataFile())

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			return err
		}
	case <-c.Ctx.Done():
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}
	return nil
}
