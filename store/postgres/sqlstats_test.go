package postgres_test

import (
	"context"
	"testing"

	"jobscope/internal/testdb"
	"jobscope/store/postgres"
	"jobscope/store/storetest"
)

func TestSQLStats(t *testing.T) {
	st, err := postgres.Open(context.Background(), testdb.Postgres(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := st.Close(); err != nil {
			t.Error(err)
		}
	})
	storetest.SQLStats(t, st, 3000)
}
