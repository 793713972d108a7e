package cli

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// selfSigned loads the office's self-signed certificate from dir/tls, or
// makes one (ECDSA P-256, two years) for this PC's names and addresses.
// It is kept, so browsers that were told to trust it once keep trusting it.
func selfSigned(dir, addr string) (tls.Certificate, string, error) {
	certFile := filepath.Join(dir, "tls", "laifang-selfsigned.crt")
	keyFile := filepath.Join(dir, "tls", "laifang-selfsigned.key")
	if c, err := tls.LoadX509KeyPair(certFile, keyFile); err == nil && c.Leaf != nil && time.Now().Before(c.Leaf.NotAfter) {
		return c, certFile, nil
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, "", err
	}
	serial, _ := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 120))
	host, _ := os.Hostname()
	dns, ips := thisPCNames(addr)
	tpl := &x509.Certificate{
		SerialNumber: serial,
		Subject:      pkix.Name{CommonName: "laifang " + host, Organization: []string{"来访接待"}},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().AddDate(2, 0, 0),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		DNSNames:     dns,
		IPAddresses:  ips,
	}
	der, err := x509.CreateCertificate(rand.Reader, tpl, tpl, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, "", err
	}
	kder, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return tls.Certificate{}, "", err
	}
	if err := os.MkdirAll(filepath.Dir(certFile), 0o700); err != nil {
		return tls.Certificate{}, "", err
	}
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder}), 0o600); err != nil {
		return tls.Certificate{}, "", err
	}
	if err := os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644); err != nil {
		return tls.Certificate{}, "", err
	}
	c, err := tls.LoadX509KeyPair(certFile, keyFile)
	return c, certFile, err
}

// thisPCNames are the names and addresses by which other PCs may reach
// this one: localhost and the loopback addresses, the computer's name,
// --addr's host, and every address of its network interfaces (not
// link-local ones). The self-signed certificate is made for them, and
// serve on every address answers for them.
func thisPCNames(addr string) ([]string, []net.IP) {
	dns := []string{"localhost"}
	ips := []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback}
	if host, _ := os.Hostname(); host != "" {
		dns = append(dns, host)
	}
	if h, _, err := net.SplitHostPort(addr); err == nil {
		if ip := net.ParseIP(h); ip != nil && !ip.IsUnspecified() && !ip.IsLoopback() {
			ips = append(ips, ip)
		} else if ip == nil && h != "" && h != "localhost" {
			dns = append(dns, h)
		}
	}
	if addrs, err := net.InterfaceAddrs(); err == nil {
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok && !n.IP.IsLoopback() && !n.IP.IsLinkLocalUnicast() {
				ips = append(ips, n.IP)
			}
		}
	}
	return dns, ips
}

// serverTLS is the TLS configuration serve's flags ask for, or nil.
func serverTLS(c *Context, certFile, keyFile string, self bool, addr string) (*tls.Config, string, error) {
	var cert tls.Certificate
	var err error
	switch {
	case certFile != "" || keyFile != "":
		if certFile == "" || keyFile == "" {
			return nil, "", errors.New("--tls-cert 和 --tls-key 须同时给出")
		}
		if self {
			return nil, "", errors.New("--tls-self-signed 不能与 --tls-cert 同时使用")
		}
		cert, err = tls.LoadX509KeyPair(certFile, keyFile)
		if err != nil {
			return nil, "", fmt.Errorf("无法读取证书或私钥：%w", err)
		}
	case self:
		cert, certFile, err = selfSigned(c.DataDir, addr)
		if err != nil {
			return nil, "", fmt.Errorf("无法生成自签名证书：%w", err)
		}
	default:
		return nil, "", nil
	}
	sum := sha256.Sum256(cert.Certificate[0])
	fp := strings.ToUpper(fmt.Sprintf("% x", sum[:]))
	fp = strings.ReplaceAll(fp, " ", ":")
	return &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12},
		fmt.Sprintf("证书 %s（SHA-256 指纹 %s）", certFile, fp), nil
}
