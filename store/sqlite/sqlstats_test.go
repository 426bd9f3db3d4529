package sqlite_test

import (
	"testing"

	"jobscope/store/storetest"
)

func TestSQLStats(t *testing.T) {
	storetest.SQLStats(t, open(t), 3000)
}
