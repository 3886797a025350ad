using TabbPortal.Domain.Audit;
using TabbPortal.Domain.Organisations;

namespace TabbPortal.Tests.Domain.Audit;

public sealed class AccessLogChainTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    internal static AccessLogRecord Record(int n, bool allowed = true) => new(
        $"user-{n % 3}", $"Användare {n % 3}", "Practitioner", Guid.Parse("6d1f3c52-0000-4000-8000-00000000000" + (n % 2)), Sector.School,
        Guid.Parse("a2b9c0d1-0000-4000-8000-0000000000" + (10 + n % 7)), AccessKind.Read, RecordPart.Plan, allowed,
        allowed ? AccessBasis.Consent : AccessBasis.None, allowed ? "consent-" + n : null, "session-1");

    internal static List<AccessLogEntry> Chain(int count)
    {
        var entries = new List<AccessLogEntry>();
        for (var i = 1; i <= count; i++)
        {
            entries.Add(AccessLogEntry.Follow(entries.LastOrDefault()?.Link, Record(i, allowed: i % 4 != 0), Start.AddSeconds(i)));
        }

        return entries;
    }

    private static AccessLogEntry Copy(AccessLogEntry e, long? id = null, string? userName = null, bool? allowed = null, string? previousHash = null,
        string? hash = null, DateTimeOffset? at = null) =>
        AccessLogEntry.Restore(id ?? e.Id, at ?? e.At, e.UserId, userName ?? e.UserName, e.Role, e.UnitId, e.Agency, e.ChildId, e.Kind, e.Part,
            allowed ?? e.Allowed, e.Basis, e.BasisReference, e.SessionId, previousHash ?? e.PreviousHash, hash ?? e.Hash);

    [Fact]
    public void The_first_entry_has_sequence_number_one_and_chains_to_the_genesis_value()
    {
        var first = AccessLogEntry.Follow(null, Record(1), Start);

        Assert.Equal(1, first.Id);
        Assert.Equal(AccessLogChain.Genesis, first.PreviousHash);
        Assert.Equal(64, first.Hash.Length);
        Assert.Equal(AccessLogChain.ComputeHash(first), first.Hash);
        Assert.True(AccessLogChain.Verify([first]).IsIntact);
    }

    [Fact]
    public void An_untouched_chain_is_intact_and_counted()
    {
        var result = AccessLogChain.Verify(Chain(20));

        Assert.True(result.IsIntact);
        Assert.Equal(20, result.Count);
        Assert.Equal(20, result.LastIntact);
    }

    [Fact]
    public void An_empty_log_is_intact_with_no_entries()
    {
        var result = AccessLogChain.Verify([]);

        Assert.True(result.IsIntact);
        Assert.Equal(0, result.Count);
    }

    [Fact]
    public void A_changed_field_is_found_at_that_entry_as_changed_content()
    {
        var chain = Chain(10);
        chain[6] = Copy(chain[6], allowed: !chain[6].Allowed);

        var result = AccessLogChain.Verify(chain);

        Assert.False(result.IsIntact);
        Assert.Equal(7, result.BrokenAt);
        Assert.Equal(AccessLogBreak.ContentChanged, result.Reason);
        Assert.Equal(6, result.Count);
    }

    [Fact]
    public void A_changed_time_of_a_single_tick_is_found()
    {
        var chain = Chain(5);
        chain[2] = Copy(chain[2], at: chain[2].At.AddTicks(1));

        Assert.Equal(3, AccessLogChain.Verify(chain).BrokenAt);
    }

    [Fact]
    public void A_changed_entry_given_a_new_hash_is_found_at_the_entry_after_it()
    {
        var chain = Chain(10);
        var forged = Copy(chain[3], userName: "Någon annan");
        chain[3] = Copy(forged, hash: AccessLogChain.ComputeHash(forged));

        var result = AccessLogChain.Verify(chain);

        Assert.Equal(5, result.BrokenAt);
        Assert.Equal(AccessLogBreak.PredecessorChanged, result.Reason);
        Assert.Equal(4, result.LastIntact);
    }

    [Fact]
    public void A_deleted_entry_is_found_at_the_entry_after_the_gap()
    {
        var chain = Chain(10);
        chain.RemoveAt(4);

        var result = AccessLogChain.Verify(chain);

        Assert.Equal(6, result.BrokenAt);
        Assert.Equal(AccessLogBreak.PredecessorMissing, result.Reason);
        Assert.Equal(4, result.LastIntact);
    }

    [Fact]
    public void Deleting_the_first_entries_is_found_at_the_first_entry_left()
    {
        var chain = Chain(6);
        chain.RemoveRange(0, 2);

        var result = AccessLogChain.Verify(chain);

        Assert.Equal(3, result.BrokenAt);
        Assert.Equal(AccessLogBreak.PredecessorMissing, result.Reason);
        Assert.Equal(0, result.LastIntact);
    }

    [Fact]
    public void A_deleted_entry_whose_successors_were_renumbered_is_found()
    {
        var chain = Chain(8);
        chain.RemoveAt(2);
        for (var i = 2; i < chain.Count; i++)
        {
            chain[i] = Copy(chain[i], id: i + 1);
        }

        var result = AccessLogChain.Verify(chain);

        Assert.Equal(3, result.BrokenAt);
        Assert.Equal(AccessLogBreak.ContentChanged, result.Reason);
    }

    [Fact]
    public void Two_entries_swapped_in_order_are_found_at_the_first_of_them()
    {
        var chain = Chain(8);
        (chain[3], chain[4]) = (Copy(chain[4], id: 4), Copy(chain[3], id: 5));

        var result = AccessLogChain.Verify(chain);

        Assert.Equal(4, result.BrokenAt);
        Assert.Equal(AccessLogBreak.ContentChanged, result.Reason);
    }

    [Fact]
    public void Two_entries_swapped_with_their_own_numbers_are_found_as_out_of_order()
    {
        var chain = Chain(8);
        (chain[3], chain[4]) = (chain[4], chain[3]);

        var result = AccessLogChain.Verify(chain);

        Assert.Equal(5, result.BrokenAt);
        Assert.Equal(AccessLogBreak.PredecessorMissing, result.Reason);
    }

    [Fact]
    public void A_first_entry_that_does_not_chain_to_the_genesis_value_is_refused()
    {
        var chain = Chain(3);
        var forged = Copy(chain[0], previousHash: new string('f', 64));
        chain[0] = Copy(forged, hash: AccessLogChain.ComputeHash(forged));

        var result = AccessLogChain.Verify(chain);

        Assert.Equal(1, result.BrokenAt);
        Assert.Equal(AccessLogBreak.PredecessorChanged, result.Reason);
    }

    [Fact]
    public void The_canonical_rendering_does_not_depend_on_the_culture()
    {
        var entry = Chain(1)[0];
        var original = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("ar-SA");
            var arabic = AccessLogChain.ComputeHash(entry);
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("sv-SE");
            Assert.Equal(arabic, AccessLogChain.ComputeHash(entry));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void A_value_cannot_pass_for_the_next_field()
    {
        var a = AccessLogEntry.Follow(null, Record(1) with { UserName = "Anna\nrole=5:Admin", Role = "x" }, Start);
        var b = AccessLogEntry.Follow(null, Record(1) with { UserName = "Anna", Role = "Admin\nrole=1:x" }, Start);

        Assert.NotEqual(a.Hash, b.Hash);
    }

    [Fact]
    public void A_missing_basis_reference_and_an_empty_one_hash_differently()
    {
        var missing = AccessLogEntry.Follow(null, Record(1) with { BasisReference = null }, Start);
        var empty = AccessLogEntry.Follow(null, Record(1) with { BasisReference = string.Empty }, Start);

        Assert.NotEqual(missing.Hash, empty.Hash);
    }
}
