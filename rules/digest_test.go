package rules

import (
	"context"
	"maps"
	"testing"
)

// The digest names the rule set: the same rules give the same digest wherever their pack sits,
// and any change to a rule's text or data gives another.
func TestDigestNamesTheRuleSet(t *testing.T) {
	ctx := context.Background()
	digest := func(opts ...Option) string {
		t.Helper()
		e, err := Load(ctx, opts...)
		if err != nil {
			t.Fatal(err)
		}
		if len(e.Digest()) != 64 {
			t.Fatalf("digest %q is not a hex SHA-256", e.Digest())
		}
		return e.Digest()
	}
	builtIn := digest()
	if again := digest(); again != builtIn {
		t.Errorf("loading the built-in rules twice gave %s and %s", builtIn, again)
	}
	withPack := digest(WithUserRules(writePack(t, noNotesPack)))
	if withPack == builtIn {
		t.Error("adding a user pack left the digest unchanged")
	}
	if elsewhere := digest(WithUserRules(writePack(t, noNotesPack))); elsewhere != withPack {
		t.Errorf("the same pack in another directory changed the digest: %s, then %s", withPack, elsewhere)
	}

	otherData := maps.Clone(noNotesPack)
	otherData["dgcheck/rules/custom/no_notes/data.json"] = `{"names": ["bz"]}`
	otherRule := maps.Clone(noNotesPack)
	otherRule["dgcheck/rules/custom/no_notes/no_notes.rego"] += "\n# a comment is still a change of text\n"
	for name, pack := range map[string]map[string]string{"data": otherData, "rule text": otherRule} {
		if d := digest(WithUserRules(writePack(t, pack))); d == withPack {
			t.Errorf("changing the pack's %s left the digest unchanged", name)
		}
	}
}
