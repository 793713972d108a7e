package cli

import (
	"context"
	"crypto/tls"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"slices"
	"strings"
	"time"

	"laifang/app/httpapi"
	"laifang/store"
)

// DefaultAddr keeps serve on this PC unless the office says otherwise.
const DefaultAddr = "127.0.0.1:8730"

var serveCommand = command{
	usage:   "[--addr 地址:端口] [--tls-cert 证书 --tls-key 私钥 | --tls-self-signed]",
	summary: "在浏览器中使用（默认只在本机 " + DefaultAddr + "）",
	flags: func(fs *flag.FlagSet) {
		fs.String("addr", DefaultAddr, "监听地址（给其他电脑使用时如 0.0.0.0:8730，请同时启用 TLS）")
		fs.String("tls-cert", "", "单位提供的证书文件（PEM）")
		fs.String("tls-key", "", "证书的私钥文件（PEM）")
		fs.Bool("tls-self-signed", false, "使用自签名证书（首次使用时生成，保存在数据文件夹的 tls 子文件夹）")
	},
	run: runServe,
}

func runServe(c *Context, fs *flag.FlagSet) error {
	addr := fs.Lookup("addr").Value.String()
	tlsConf, certNote, err := serverTLS(c, fs.Lookup("tls-cert").Value.String(), fs.Lookup("tls-key").Value.String(),
		fs.Lookup("tls-self-signed").Value.String() == "true", addr)
	if err != nil {
		return err
	}
	a, err := c.OpenApp(store.Options{Warm: true})
	if err != nil {
		return err
	}
	defer a.Close()
	stop := make(chan struct{})
	defer close(stop) // before Close: the sweep ends first
	go a.SweepLapsed(stop)
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("无法监听 %s：%w", addr, err)
	}
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	hosts := serveHosts(addr, tlsConf)
	h, err := httpapi.Handler(a, c.Assets, httpapi.Options{Secure: tlsConf != nil, Hosts: hosts, Port: port})
	if err != nil {
		ln.Close()
		return err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute,
		IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 64 << 10, TLSConfig: tlsConf}
	scheme := "http"
	if tlsConf != nil {
		scheme = "https"
		ln = tls.NewListener(ln, tlsConf)
	}
	// The address line is read by scripts and tests to find a :0 port.
	fmt.Fprintf(c.Stdout, "laifang serve: %s://%s/ (数据文件 %s)\n", scheme, ln.Addr(), c.DataFile())
	if certNote != "" {
		fmt.Fprintln(c.Stdout, certNote)
	}
	fmt.Fprintf(c.Stdout, "只接受以这些名称或地址访问（端口 %s）：%s\n", port, strings.Join(hosts, "、"))
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && !tcp.IP.IsLoopback() && tlsConf == nil {
		fmt.Fprintln(c.Stderr, "警告：正在向其他电脑提供服务却没有启用 TLS，密码和信访人信息将以明文在网络上传输。请加 --tls-self-signed 或 --tls-cert/--tls-key。")
	}

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

// serveHosts are the names a browser may use to reach serve (the Host
// header; httpapi refuses any other, so that another site's name pointed
// at this PC reaches nothing): the loopback names, --addr's host, this
// PC's names and addresses when it listens on every address, and the
// names of the certificate under TLS.
func serveHosts(addr string, conf *tls.Config) []string {
	out := []string{"localhost", "127.0.0.1", "::1"}
	add := func(n string) {
		if n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	ip := net.ParseIP(host)
	if host == "" || (ip != nil && ip.IsUnspecified()) {
		dns, ips := thisPCNames(addr)
		for _, n := range dns {
			add(strings.ToLower(n))
		}
		for _, ip := range ips {
			add(ip.String())
		}
	} else if ip != nil {
		add(ip.String())
		if name, _ := os.Hostname(); name != "" && !ip.IsLoopback() {
			add(strings.ToLower(name))
		}
	} else {
		add(strings.ToLower(host))
	}
	if conf != nil {
		for _, cert := range conf.Certificates {
			if cert.Leaf == nil {
				continue
			}
			for _, n := range cert.Leaf.DNSNames {
				add(strings.ToLower(n))
			}
			for _, ip := range cert.Leaf.IPAddresses {
				add(ip.String())
			}
		}
	}
	return out
}
