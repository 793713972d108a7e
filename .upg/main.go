package main

import (
	"fmt"
	"os"
	"time"

	"laifang/store"
)

func main() {
	t := time.Now()
	s, err := store.Open(os.Args[1], store.Options{NoDailyBackup: true, BackupDir: os.Args[2]})
	if err != nil {
		panic(err)
	}
	fmt.Println("opened (upgraded) in", time.Since(t))
	s.Close()
}
