package script

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRuntimeUnknownFailsClearly(t *testing.T) {
	p := compileJS(t, `function(t, s, ctx, cb) { cb(null, {}); }`)
	res := p.Run(context.Background(), Options{Runtime: "node20"})
	require.Equal(t, KindException, res.Outcome)
	assert.Contains(t, res.Error.Message, `unknown runtime "node20"`)
	assert.Contains(t, res.Error.Message, `"node22"`)
	for _, rt := range []string{RuntimeDefault, RuntimeNode22, RuntimeNode18} {
		res := p.Run(context.Background(), Options{Runtime: rt})
		assert.Equal(t, KindProfile, res.Outcome, "%q: %+v", rt, res.Error)
	}
}
