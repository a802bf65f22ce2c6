using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koostoo.Service.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RolesInEveryLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RoleNames",
                table: "members",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            // The roles named so far keep their Estonian and English names; Russian reads the Estonian until renamed.
            migrationBuilder.Sql("""
                UPDATE members SET "RoleNames" = json_build_object('et', "RoleEt", 'en', "RoleEn")::text WHERE "RoleEt" IS NOT NULL;
                """);

            migrationBuilder.DropColumn(
                name: "RoleEn",
                table: "members");

            migrationBuilder.DropColumn(
                name: "RoleEt",
                table: "members");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RoleEn",
                table: "members",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RoleEt",
                table: "members",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.Sql("""
                UPDATE members SET "RoleEt" = "RoleNames"::json->>'et', "RoleEn" = "RoleNames"::json->>'en' WHERE "RoleNames" IS NOT NULL;
                """);

            migrationBuilder.DropColumn(
                name: "RoleNames",
                table: "members");
        }
    }
}
