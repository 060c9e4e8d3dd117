using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ReDo.Pure.Config;
using ReDo.Pure.Control;

namespace ReDo.Pure.Games;

/// <summary>
/// Run:Game: a MinAtar game (Agent:Kind = dqn) or a MuJoCo task (Agent:Kind = sac), one id over both
/// lists, written by its config word (<see cref="ConfigName"/> of <see cref="GameId"/> or
/// <see cref="ControlTaskId"/>: the only place either list is spelled).
/// </summary>
[TypeConverter(typeof(GameConverter))]
[JsonConverter(typeof(GameJsonConverter))]
public sealed record Game
{
    Game(GameId? minAtar, ControlTaskId? task) => (MinAtar, Task) = (minAtar, task);

    /// <summary>The MinAtar game, or null for a MuJoCo task.</summary>
    public GameId? MinAtar { get; }
    /// <summary>The MuJoCo task, or null for a MinAtar game.</summary>
    public ControlTaskId? Task { get; }

    public static Game Of(GameId id) => new(id, null);
    public static Game Of(ControlTaskId id) => new(null, id);

    public string Name => MinAtar is { } g ? ConfigName.Of(g) : ConfigName.Of(Task!.Value);
    public override string ToString() => Name;

    /// <summary>Every game and task, MinAtar's first.</summary>
    public static IReadOnlyList<Game> All { get; } = [.. Enum.GetValues<GameId>().Select(Of), .. Enum.GetValues<ControlTaskId>().Select(Of)];

    /// <summary>The MinAtar game names and the MuJoCo task names, comma-separated, for messages.</summary>
    public static string MinAtarNames => string.Join(", ", ConfigName.All<GameId>());
    public static string TaskNames => string.Join(", ", ConfigName.All<ControlTaskId>());

    /// <summary>The game or task a config word names (any case).</summary>
    public static Game Parse(string name) =>
        All.FirstOrDefault(g => string.Equals(g.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new FormatException($"'{name}' is not a game: use a MinAtar game ({MinAtarNames}; Agent:Kind = dqn) or a MuJoCo task ({TaskNames}; Agent:Kind = sac)");

    /// <summary>The MinAtar game, for commands that play MinAtar only; a MuJoCo task is refused naming what runs it.</summary>
    public GameId MinAtarGame => MinAtar ?? throw new ConfigException(
        $"Run:Game = {Name} is a MuJoCo task (Agent:Kind = sac): this command runs MinAtar games only; SAC runs train with `redo train`, `redo resume` and the worker (docs/sac.md)");
}

/// <summary>Lets the configuration binder read Run:Game by its word.</summary>
public sealed class GameConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) => sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string name ? Game.Parse(name) : base.ConvertFrom(context, culture, value);
}

/// <summary>Writes Run:Game in config.json as its word, and reads it back.</summary>
public sealed class GameJsonConverter : JsonConverter<Game>
{
    public override Game Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Game.Parse(reader.GetString() ?? throw new JsonException("Run:Game must be a string"));

    public override void Write(Utf8JsonWriter writer, Game value, JsonSerializerOptions options) => writer.WriteStringValue(value.Name);
}
