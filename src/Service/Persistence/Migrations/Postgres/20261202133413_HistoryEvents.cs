using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koostoo.Service.Persistence.Migrations.Postgres
{
    /// <summary>
    /// The history keeps events, rendered when read, instead of finished sentences. Every row written before stays, as
    /// kind Recorded with its two sentences for arguments; who acted is read from the sentence where it says so.
    /// </summary>
    public partial class HistoryEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "network_history",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Arguments",
                table: "network_history",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ActorKind",
                table: "network_history",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ActorName",
                table: "network_history",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            // The coordinator's own sentences begin with the role word; an action done begins with its owner's name,
            // who reported it through their link. Every other old sentence names nobody: the system's, as far as it shows.
            migrationBuilder.Sql("""
                UPDATE network_history SET
                    "Kind" = 'Recorded',
                    "Arguments" = json_build_object('et', "Et", 'en', "En")::text,
                    "ActorKind" = CASE
                        WHEN "Et" LIKE 'Koordinaator %' THEN 'Staff'
                        WHEN "Et" LIKE '%: tegevus „%“ on tehtud.' THEN 'Member'
                        ELSE 'System' END,
                    "ActorName" = CASE
                        WHEN "Et" LIKE 'Koordinaator %' THEN NULL
                        WHEN "Et" LIKE '%: tegevus „%“ on tehtud.' THEN left("Et", strpos("Et", ': tegevus „') - 1)
                        ELSE NULL END;
                """);

            migrationBuilder.DropColumn(
                name: "Et",
                table: "network_history");

            migrationBuilder.DropColumn(
                name: "En",
                table: "network_history");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Et",
                table: "network_history",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "En",
                table: "network_history",
                type: "text",
                nullable: false,
                defaultValue: "");

            // A row written as an event has no sentence to go back to; it keeps its kind and arguments as its text, so
            // no row is lost going down either.
            migrationBuilder.Sql("""
                UPDATE network_history SET
                    "Et" = CASE WHEN "Kind" = 'Recorded' THEN "Arguments"::json ->> 'et' ELSE "Kind" || ' ' || "Arguments" END,
                    "En" = CASE WHEN "Kind" = 'Recorded' THEN "Arguments"::json ->> 'en' ELSE "Kind" || ' ' || "Arguments" END;
                """);

            migrationBuilder.DropColumn(
                name: "ActorKind",
                table: "network_history");

            migrationBuilder.DropColumn(
                name: "ActorName",
                table: "network_history");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "network_history");

            migrationBuilder.DropColumn(
                name: "Arguments",
                table: "network_history");
        }
    }
}
