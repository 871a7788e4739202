using System.Text;
using Ari.Views.Text;
using Ari.Wire;

namespace Ari.Views.Tests.Text;

/// <summary>A callsite's texts, made once, say what escaping each time said: names and target shown, never obeyed.</summary>
public sealed class CallsiteTextsTests
{
    private static readonly Callsite Hostile =
        new(0, 3, CallsiteKind.Event, Level.Info, "event", "app\e[2J", "app", "main.rs", 1, ["message", "x\ay", "message"]);

    [Fact]
    public void Names_and_target_are_escaped_once_and_kept()
    {
        var cache = new CallsiteMap<CallsiteTexts>(callsite => new CallsiteTexts(callsite));
        var texts = cache[Hostile];

        Assert.Same(texts, cache[Hostile]);
        Assert.Equal(@"app\u{1b}[2J", Encoding.UTF8.GetString(texts.Target));
        Assert.Equal(@"x\u{7}y=", Encoding.UTF8.GetString(texts.NameAndEquals(1)));
    }

    [Fact]
    public void A_field_the_callsite_does_not_name_is_shown_by_its_index()
    {
        var texts = new CallsiteTexts(Hostile);

        Assert.Equal("field7=", Encoding.UTF8.GetString(texts.NameAndEquals(7)));
        Assert.False(texts.IsMessage(7));
        Assert.False(texts.IsMessage(-1));
    }

    [Fact]
    public void Every_field_named_message_is_a_message()
    {
        var texts = new CallsiteTexts(Hostile);

        Assert.Equal([true, false, true], [texts.IsMessage(0), texts.IsMessage(1), texts.IsMessage(2)]);
    }
}
