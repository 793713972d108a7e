package main

import (
	"os"
	"path/filepath"

	"github.com/wailsapp/wails/v2/pkg/options/windows"
)

// webView2Dir is the folder beside laifang.exe where an office's IT puts
// Microsoft's fixed-version WebView2 runtime for a PC that has none and no
// internet (README, the Windows section).
const webView2Dir = "WebView2"

// fixedWebView2 is the fixed-version runtime beside the executable exe: the
// WebView2 folder itself when msedgewebview2.exe is in it, or else the first
// folder under it that has it (Microsoft's download unpacks into
// Microsoft.WebView2.FixedVersionRuntime.<version>.x64, which IT may copy
// as it is). "" when there is none: Wails then uses the installed runtime.
func fixedWebView2(exe string) string {
	if exe == "" {
		return ""
	}
	if real, err := filepath.EvalSymlinks(exe); err == nil {
		exe = real
	}
	dir := filepath.Join(filepath.Dir(exe), webView2Dir)
	if hasWebView2(dir) {
		return dir
	}
	entries, _ := os.ReadDir(dir) // sorted by name; none when dir is missing
	for _, e := range entries {
		if sub := filepath.Join(dir, e.Name()); e.IsDir() && hasWebView2(sub) {
			return sub
		}
	}
	return ""
}

func hasWebView2(dir string) bool {
	fi, err := os.Stat(filepath.Join(dir, "msedgewebview2.exe"))
	return err == nil && fi.Mode().IsRegular()
}

// webView2Messages are what Wails shows about the WebView2 runtime. The build
// uses the "error" strategy (Makefile: -webview2 error), which never
// downloads: a PC without the runtime, or with one older than Wails'
// minimum (94.0.992.31), shows ContactAdmin under the title Error. The
// download strategy's texts are translated too, for a developer's plain
// `wails build`.
var webView2Messages = &windows.Messages{
	InstallationRequired: "来访接待需要 Microsoft Edge WebView2 运行时才能显示窗口，本机没有。按“确定”从网上下载并安装（本机须能上网），安装时没有进度显示，请稍候。",
	UpdateRequired:       "本机的 Microsoft Edge WebView2 运行时版本太旧。按“确定”从网上下载并更新（本机须能上网），请稍候。",
	MissingRequirements:  "缺少运行环境",
	Webview2NotInstalled: "没有安装 WebView2 运行时。",
	Error:                "来访接待无法打开",
	FailedToInstall:      "WebView2 运行时没有装好。请再试一次，或请单位信息管理员用离线安装包安装。",
	DownloadPage:         "来访接待需要 Microsoft Edge WebView2 运行时。按“确定”打开下载页面。最低版本：",
	PressOKToInstall:     "按“确定”安装。",
	ContactAdmin: "来访接待需要 Microsoft Edge WebView2 运行时才能显示窗口，本机没有，或版本低于 94。\n\n" +
		"请单位信息管理员任选一种办法（都不需要联网）：\n" +
		"1. 在本机安装 WebView2 运行时的离线安装包（Evergreen Standalone Installer，x64）；\n" +
		"2. 把固定版本（Fixed Version）运行时解压到 laifang.exe 所在文件夹下的 WebView2 文件夹里。\n\n" +
		"说明见使用说明的“Windows”一节。",
	InvalidFixedWebview2: "laifang.exe 旁边 WebView2 文件夹里的运行时不能用：不完整，或版本低于 94。\n\n" +
		"请换一份完整的固定版本运行时（x64），或删去这个文件夹，改用本机安装的运行时。",
	// A fixed-version runtime of 120 or later crashes so on Windows 10 until
	// its folder grants the app containers read access (README, Windows).
	WebView2ProcessCrash: "显示窗口的 WebView2 进程意外退出了，请关闭来访接待再重新打开。已保存的记录不受影响。\n\n" +
		"如果用的是 laifang.exe 旁边 WebView2 文件夹里的固定版本运行时：在 Windows 10 上要先给这个文件夹设置权限，见使用说明的“Windows”一节。",
}
